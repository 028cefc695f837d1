"""Portuguese (Brazilian first, European too): what the risk engine (``journal.safety.risk``) listens for. Data only.

The names every language module defines are listed in ``journal/safety/lexicons/__init__.py``; ``en.py`` is the
reference, and this module follows its layout.

Categories follow the ladder of the Columbia Suicide Severity Rating Scale screener (C-SSRS, Posner et al.,
Am J Psychiatry 2011), which the Columbia Lighthouse Project publishes in Brazilian Portuguese ("Escala de
Avaliação do Risco de Suicídio de Columbia", screener version): wish to be dead, active thoughts, method,
intent, plan and preparation, recent self-harm and past behaviour. The soft signals (hopelessness, feeling a
burden, feeling trapped, no point, wanting everything to stop, exhaustion) are grouped as in ``en.py`` (the
interpersonal theory's burdensomeness and the entrapment literature). Only the categories come from those
sources: no phrase was copied from the screener or from any lexicon. The words here were written for how
people write in Portuguese in a journal or a text message: without accents, with "vc", "pq", "q", "tb", "hj",
"mto", "to"/"tô" for "estou", the clitic before the verb in Brazil ("me matar") and after it in Portugal
("matar-me"), and the idioms of dying and killing that mean nothing of the kind ("morrer de rir", "matar a
saudade", "essa prova vai me matar", "enforcar a sexta").

Every word is written folded (no accents, lower case), as the text is folded before it is read. Words are
lemmatized with simplemma's Portuguese dictionary (``FOLD_DICTIONARY``: "voce" finds "você"), so "matei",
"matando" and "mataria" are "matar"; the rules list the feminine and plural of adjectives the dictionary reads
apart ("cansado|cansada"). Portuguese drops the subject: "quero morrer" names no one, so the first-person forms
of a few verbs are respelled with their "eu" (``SPELLING``), and a sentence that names someone else before a
match still reads as the writer's when the verb says so.

A rule is a pattern over lemmas: slots separated by spaces, alternatives by ``|``, ``@NAME`` for a word set,
``~N`` for up to N other words between two slots. Rules never cross a sentence.
"""

from __future__ import annotations

VERSION = 1
LEMMA_LANG = "pt"  # simplemma's dictionary
FOLD_DICTIONARY = True  # people write "nao", "voce", "remedios", "suicidio" without their accents

# The first person of verbs the rules read, respelled with their subject: Portuguese drops it ("quero morrer",
# "tentei"), and the engine looks for who a match is about among the words before it.
_FIRST_PERSON = (
    "quero penso pensei tentei decidi sinto senti preciso tenho comprei escrevi cortei queimei machuquei "
    "tomei pesquisei guardei separei vou estou sou fiz dei deixei acho posso"
)

# Spelling people use, rewritten to the words the rules are written in (after folding, apostrophes dropped).
SPELLING = {
    **{verb: f"eu {verb}" for verb in _FIRST_PERSON.split()},
    "vc": "voce",
    "vcs": "voces",
    "pq": "porque",
    "pk": "porque",
    "porq": "porque",
    "q": "que",
    "tb": "tambem",
    "tbm": "tambem",
    "hj": "hoje",
    "hoj": "hoje",
    "mto": "muito",
    "mt": "muito",
    "mta": "muita",
    "mtos": "muitos",
    "mtas": "muitas",
    "msm": "mesmo",
    "nd": "nada",
    "ngm": "ninguem",
    "n": "nao",
    "naum": "nao",
    "eh": "e",
    "to": "eu estou",
    "tou": "eu estou",
    "tava": "estava",
    "tavam": "estavam",
    "ta": "estar",
    "qnd": "quando",
    "qdo": "quando",
    "qndo": "quando",
    "cmg": "comigo",
    "ctg": "contigo",
    "dps": "depois",
    "dpois": "depois",
    "agr": "agora",
    "fds": "fimdesemana",
    "dnv": "denovo",
    "d": "de",
    "vdd": "verdade",
    "blz": "",
    "sla": "sei la",
    "pfv": "por favor",
    "pfvr": "por favor",
    "tmb": "tambem",
    "oq": "o que",
    "vo": "eu vou",
    "vamo": "vamos",
    "pra": "para",
    "pro": "para o",
    "pros": "para os",
    "pras": "para as",
    "remedios": "remedio",
    "amnh": "amanha",
    "sucidio": "suicidio",
    "autolesao": "automutilacao",
    "automutilar": "automutilacao",
    "cutting": "automutilacao",
    "gilette": "gilete",
    "jilete": "gilete",
    "overdosei": "overdose",
    "od": "overdose",
    "kms": "me matar",
}
# Pairs of words people write apart or together, joined before reading.
JOINS = {
    "de novo": "denovo",
    "fim de semana": "fimdesemana",
    "final de semana": "fimdesemana",
    "auto mutilacao": "automutilacao",
    "auto-mutilacao": "automutilacao",
    "auto lesao": "automutilacao",
    "auto-lesao": "automutilacao",
    "auto-flagelacao": "automutilacao",
    "k-hole": "khole",
    "k hole": "khole",
    "buraco k": "khole",
    "setembro amarelo": "setembroamarelo",
    "porta comprimidos": "portacomprimidos",
    "porta-comprimidos": "portacomprimidos",
    "porta remedios": "portacomprimidos",
    "porta-remedios": "portacomprimidos",
    "porta-malas": "portamalas",
    "band-aid": "curativo",
    "pra sempre": "parasempre",
    "para sempre": "parasempre",
    "sem saida": "semsaida",
    "de proposito": "deproposito",
    "linha do trem": "linhadotrem",
    "linha ferrea": "linhadotrem",
    "linha do comboio": "linhadotrem",
    "quem dera": "quemdera",
}
# Words read as written, never as their lemma: "vai" and "vao" (someone or something else will: "essa prova vai
# me matar") apart from "vou"; "tomara" (may it be), which the dictionary reads as "tomar" (to take); "sentido"
# (meaning), which it reads as the verb "sentir" (to feel); "despedindo" (saying goodbye, now), "cartas" and
# "bilhetes" (several notes) apart from their singular; and the pairs ``JOINS`` makes one word.
LITERAL = frozenset(
    "vai vao vou tomara sentido despedindo cartas bilhetes deproposito semsaida parasempre denovo linhadotrem".split()
)
# The core words a slip of one letter is forgiven in, when the word written is five letters or more and the
# dictionary does not know it ("suicidoo", "suicda", "comprimdos").
TYPO_TOLERANT = (
    "suicidio suicida suicidar automutilacao overdose comprimido remedio gilete esperanca tentativa "
    "desaparecer matar cortar cortei"
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"
ENDINGS = ("s",)
PLURAL_ENDINGS = ("s",)
SENTENCE_ENDS = ".!?;\n"
NEGATION_WINDOW = 3  # words before a match in which a negation counts: Portuguese puts it right before the verb
PERSON_WINDOW = 8  # words before a match searched for who it is about

# the medicines a person could take too many of (brand and generic names used in Brazil and Portugal)
MEDICINES = (
    "remedio remedios comprimido comprimidos pilula pilulas capsula capsulas medicamento medicamentos "
    "medicacao paracetamol tylenol dipirona novalgina ibuprofeno rivotril clonazepam diazepam valium "
    "alprazolam frontal lorazepam zolpidem sertralina fluoxetina escitalopram amitriptilina quetiapina "
    "seroquel litio carbolitium insulina tramadol codeina morfina benzo benzos calmante calmantes "
    "antidepressivo antidepressivos tarja"
)
LIGATURES = "corda cordas cinto lencol fio cabo laco"

SETS = {
    "SELF": "eu me mim meu minha meus minhas comigo",
    "OTHER": "ele ela eles elas dele dela deles delas voce voces tu te lhe seu sua teu tua "
    "amigo amiga amigos amigas mae pai pais irmao irma irmaos filho filha filhos primo prima tio tia avo vo "
    "vovo vovó neto neta sobrinho sobrinha marido esposa namorado namorada noivo noiva ex companheiro "
    "companheira colega chefe paciente cliente medico medica enfermeiro enfermeira psiquiatra psicologo "
    "psicologa terapeuta alguem pessoa pessoas menino menina crianca vizinho vizinha personagem protagonista "
    "vilao cantor cantora ator atriz cunhado cunhada sogro sogra padrasto madrasta cachorro gato galera "
    "aluno aluna",
    "NEG": "nao nunca nem nenhum nenhuma jamais sem zero",
    # after a negation, these do not negate what follows ("nao sei se quero viver", "nao aguento mais")
    "NEG_EXCEPT": "sei saber certeza so apenas consigo conseguir paro parar aguento aguentar deixo deixar "
    "importa importar ligo ligar adianta adiantar sentido esperanca forca forcas futuro rumo coragem",
    "DEAD": "morrer morto morta morte sumir desaparecer",
    "WANT": "querer quero queria desejar desejo torcer rezar pedir peco preferir vontade tomara quemdera apetecer "
    "gostaria",
    "THINK": "pensar pensamento pensamentos ideia ideias considerar cogitar imaginar fantasiar planejar "
    "plano ideacao obcecado obcecada",
    "KILLSELF": "suicidio suicida suicidar suicidei suicidou",
    "MEDS": MEDICINES,
    "PILLS": f"{MEDICINES} cartela cartelas caixa frasco vidro receita",
    "HIGH": "ponte viaduto predio janela sacada varanda telhado terraco penhasco precipicio laje passarela "
    "torre edificio falesia ribanceira",
    # the body where people hurt themselves
    "BODY": "braco bracos pulso pulsos coxa coxas perna pernas pele barriga antebraco antebracos quadril "
    "tornozelo mao maos costas peito ombro rosto cabeca",
    "HARM": "cortar cortei queimar queimei machucar machuquei ferir arranhar arranhei mutilar furar morder "
    "lesionar magoar bater socar esmurrar punir castigar",
    "FUTURE": "hoje amanha noite fimdesemana domingo segunda terca quarta quinta sexta sabado semana logo madrugada",
    # the means people name when they think of how (C-SSRS 3)
    "MEANS": f"{MEDICINES} {LIGATURES} gilete lamina laminas navalha estilete faca arma revolver pistola "
    "ponte viaduto predio janela trilho trilhos veneno chumbinho raticida carvao soda",
    "LIGATURE": LIGATURES,
    # what turns naming a means into thinking of using it
    "CUE": "letal fatal suficiente overdose indolor calcular acumular estocar",
    "BELONGINGS": "coisas pertences violao guitarra colecao livros discos joias",
}

# Sentences that speak of a distant past, and words that bring it back to now.
PAST = [
    "ano|anos|decada|decadas ~1 atras",
    "ha|haver|faz|fazer ~2 ano|anos|decada|decadas",
    "ha|haver|faz|fazer ~1 muito ~1 tempo",
    "muito ~1 tempo ~1 atras",
    "tempos ~1 atras",
    "quando ~2 ser|era|ter|tinha ~2 @NUMBER|crianca|adolescente|novo|nova|novinha|novinho|pequeno|pequena|jovem|"
    "mais|menor|menina|menino|garota|garoto|moleque",
    "antes ~2 terapia|tratamento|cetamina|ketamina|escetamina|esketamina|spravato",
    "na|o ~1 adolescencia|infancia|juventude|faculdade|escola|colegio|epoca",
    "naquele|naquela|nesse|nessa ~1 epoca|tempo",
    "antigamente",
    "no ~1 passado",
    "costumar|costumava",
    "@YEAR",
    "ano|anos ~2 sem|limpo|limpa",
    "a|o|aos ~1 @NUMBER ~1 ano|anos",
    "aos ~0 @NUMBER",
    "cicatriz|cicatrizes|marca|marcas ~4 antigo|antiga|antigas|velho|velha|velhas",
]
RETURNING = [
    "vontade|pensamento|pensamentos|sensacao|sentimento|ideia|ideias|impulso|escuridao|isso|tudo ~4 voltar",
    "voltar ~3 vontade|pensamento|pensamentos|sensacao|sentimento|ideia|ideias|impulso|escuridao|tudo",
    "vontade|pensamento|pensamentos|sensacao|sentimento|ideia|impulso ~3 de ~1 volta",
    "sentir|pensar|querer|vontade|pensamento ~4 denovo|novamente",
    "denovo|novamente ~3 sentir|pensar|querer",
    "outra ~1 vez ~3 sentir|pensar|querer|vontade",
    "mesmo|mesma ~1 sensacao|sentimento|vontade|lugar|pensamento|buraco|escuridao|ponto",
    "igual ~2 agora",
    "exatamente ~1 igual|assim|mesmo|mesma",
    "como ~1 antes",
    "ultimo|ultima ~1 vez ~3 sentir ~1 assim",
    "antes ~3 tentativa|overdose|tentar",
    "ultimamente",
    "recentemente",
    "terminar|acabar ~3 o ~1 que ~2 comecar|comecei",
    "perguntar ~3 para|porque ~1 que",
    "chegar ~2 aqui|nesse|neste|esse|este ~1 ponto",
    "ainda ~3 pensar|sentir|querer",
    "voltar ~2 com ~1 tudo",
    "sentir ~3 igual|igualzinho",
    "vontade|sensacao|pensamento|pensamentos ~3 igual|mesmo|mesma",
]
RECENT = [
    "ontem",
    "anteontem",
    "hoje ~2 de ~1 manha|madrugada|cedo",
    "esse|essa|esta|este|nessa|nesta ~1 semana|noite|madrugada|manha",
    "agora ~1 pouco|mesmo",
    "agorinha",
    "hoje ~3 denovo|novamente",
    "semana|mes ~1 passado|passada",
]

# Context that makes a sentence about something other than the writer, when the words found name no one.
FICTION = (
    "filme filmes serie series novela episodio temporada livro livros romance capitulo personagem cena trilha "
    "letra album podcast documentario netflix anime quadrinho poema poesia peca teatro noticia "
    "reportagem materia artigo jornal manchete jornalista vilao protagonista autor autora escritor escritora "
    "assisti assistir cinema conto tcc monografia dissertacao tese aula seminario pesquisa estudo"
)
PREVENTION = (
    "prevencao posvencao conscientizacao setembroamarelo voluntario voluntaria voluntariado treinamento "
    "capacitacao formacao palestra campanha oficina panfleto panfletos cartilha plantao cvv 188 caps "
    "gatekeeper farmacologia toxicologia webinar seminario"
)

# (id, category, pattern). Categories as in ``en.py``.
RULES: list[tuple[str, str, str]] = [
    # -- wish to be dead (C-SSRS 1) --
    ("wish.dead", "passive_wish", "@WANT ~4 morrer|morto|morta|morte"),
    ("wish.vanish", "passive_wish", "@WANT ~4 sumir|desaparecer ~0 !para|por|um|uns|de|do|com|daqui|ate"),
    ("wish.not_exist", "passive_wish", "@WANT|melhor ~4 @NEG ~2 existir|nascer|nascido|acordar|acorde|viver"),
    ("wish.not_here", "passive_wish", "@WANT|melhor ~4 @NEG ~2 estar|ficar ~1 aqui|vivo|viva"),
    ("wish.not_want_live", "passive_wish", "@NEG ~2 querer ~2 viver|existir|acordar|vivo|viva"),
    (
        "wish.not_want_here",
        "passive_wish",
        "@NEG ~2 querer ~2 estar|ficar ~1 aqui ~0 !_|nesse|neste|o|em|com|sozinho|sozinha|hoje|ate|para",
    ),
    (
        "wish.fine_if",
        "passive_wish",
        "ligar|importar|incomodar|melhor|facil|bom|alivio|aliviado|aliviada|tranquilo|ok ~6 se ~1 eu ~3 "
        "morrer|morto|morta|sumir|desaparecer|atropelar|atropelado|atropelada",
    ),
    (
        "wish.fine_if_not",
        "passive_wish",
        "ligar|importar|incomodar|melhor|facil|bom|alivio|aliviado|aliviada|tranquilo|ok ~6 se ~2 eu ~2 @NEG ~2 "
        "acordar|acorde|existir|existisse",
    ),
    (
        "wish.not_mind_if",
        "passive_wish",
        "@NEG ~2 ligar|importar|incomodar ~6 se ~6 morrer|morto|morta|sumir|desaparecer|atropelar|atropelado|"
        "atropelada|acidente|acordar|acorde|existir",
    ),
    ("wish.life_end", "passive_wish", "@WANT ~4 que ~2 vida|mundo ~2 acabar|terminar"),
    ("wish.should_have_died", "passive_wish", "dever|devia|querer|queria ~2 ter ~1 morrer|morrido"),
    ("wish.whatever", "passive_wish", "tanto ~1 fazer|faz ~4 viver|vivo|viva|morrer|morto|morta"),
    ("wish.not_mind", "passive_wish", "@NEG ~2 importar|ligar|incomodar ~3 de|em ~1 morrer|sumir|desaparecer"),
    ("wish.relief_not", "passive_wish", "alivio|bom|melhor|paz|descanso|otimo ~3 @NEG ~1 existir|acordar|acorde|viver"),
    ("wish.sleep_forever", "passive_wish", "dormir ~4 @NEG|nunca ~2 acordar|acorde"),
    ("wish.never_wake", "passive_wish", "nunca ~1 mais ~1 acordar|acorde"),
    ("wish.sleep_always", "passive_wish", "dormir ~2 parasempre"),
    ("wish.not_wake_hope", "passive_wish", "tomara|quemdera|torcer|rezar|pedir|peco ~4 @NEG ~2 acordar|acorde"),
    ("wish.hit_by", "passive_wish", "@WANT ~6 atropelar|atropelado|atropelada|acidente"),
    (
        "wish.crash",
        "passive_wish",
        "@WANT ~4 aviao|onibus|carro|predio|teto|raio ~3 cair|caisse|bater|explodir|atropelar|acertar",
    ),
    ("wish.god_take", "passive_wish", "deus ~3 me ~1 levar|buscar"),
    ("wish.illness", "passive_wish", "se ~4 doenca|cancer|terminal ~8 aliviado|aliviada|alivio|aliviar"),
    ("wish.why_born", "passive_wish", "para|porque ~1 que ~2 eu ~1 nascer"),
    ("wish.never_born", "passive_wish", "nunca ~2 ter ~1 nascer|nascido"),
    (
        "wish.tired_living",
        "passive_wish",
        "cansado|cansada|cansar|farto|farta|exausto|exausta ~3 de ~1 viver|existir|vida",
    ),
    ("wish.tired_alive", "passive_wish", "cansado|cansada|cansar|farto|farta ~3 de ~1 estar ~1 vivo|viva"),
    (
        "wish.no_will_live",
        "passive_wish",
        "@NEG ~4 forca|forcas|vontade|motivo|motivos|razao|razoes|porque ~3 viver|vivendo|vivo|viva",
    ),
    ("wish.death_relief", "passive_wish", "morte ~4 alivio|descanso|libertacao|presente"),
    ("wish.not_worth", "passive_wish", "vida ~3 @NEG ~2 valer|vale ~2 pena"),
    ("wish.not_worth_living", "passive_wish", "@NEG ~2 valer|vale ~2 pena ~1 viver"),
    ("wish.leave_world", "passive_wish", "ir ~1 embora ~2 deste|desse|do ~1 mundo"),
    ("wish.stop_existing", "passive_wish", "deixar|parar ~1 de ~1 existir"),
    ("wish.let_die", "passive_wish", "deixar ~1 eu|me ~1 morrer"),
    ("wish.better_dead", "passive_wish", "melhor ~2 morto|morta"),
    ("wish.vanish_forever", "passive_wish", "sumir|desaparecer ~3 parasempre|mapa|mundo"),
    ("wish.disappear_forever", "passive_wish", "vontade ~3 sumir|desaparecer ~2 parasempre"),
    # -- active thoughts (C-SSRS 2) --
    ("active.killself", "active_thoughts", "@KILLSELF"),
    ("active.me_matar", "active_thoughts", "me ~1 matar|mato|suicidar"),
    ("active.matar_me", "active_thoughts", "matar|mato|suicidar ~0 me"),
    ("active.take_life", "active_thoughts", "tirar ~3 meu|proprio ~1 vida"),
    ("active.end_life", "active_thoughts", "acabar|terminar ~2 com ~2 meu ~1 vida"),
    ("active.end_all", "active_thoughts", "acabar|terminar ~1 com ~1 tudo ~0 !que|o|do|no|pendente|em|isso"),
    ("active.put_end", "active_thoughts", "dar|por|botar ~2 fim|termo|cabo ~4 vida|tudo|sofrimento"),
    ("active.end_me", "active_thoughts", "@WANT|@THINK|em ~3 acabar ~1 comigo"),
    ("active.think_dying", "active_thoughts", "pensar|pensamento|pensamentos|ideia ~3 em|de ~1 morrer|morte"),
    ("active.no_courage", "active_thoughts", "@NEG|falta|faltar ~2 coragem ~3 me ~1 matar|suicidar|acabar|pular|jogar"),
    ("active.against_life", "active_thoughts", "atentar ~3 contra ~2 vida"),
    # -- method (C-SSRS 3) --
    ("method.how_many", "method", "quanto|quantos ~6 precisar|precisaria|bastar|suficiente|matar|letal|morrer"),
    ("method.lethal", "method", "dose|quantidade ~1 letal|fatal"),
    ("method.overdose", "method", "overdose"),
    ("method.search", "method", "pesquisar|procurar|google|googlar ~6 letal|fatal|indolor|morrer|suicidio|matar"),
    (
        "method.how_to",
        "method",
        "saber|pesquisar|procurar|descobrir|aprender|ensinar|tutorial|jeito ~3 como ~1 morrer|suicidar",
    ),
    ("method.how_to_kill", "method", "como ~1 se|me ~1 matar|suicidar"),
    ("method.how_people", "method", "como ~3 pessoa|pessoas|gente ~2 se ~1 matar|matam|suicidar|suicidam"),
    ("method.ways", "method", "jeito|maneira|forma|metodo ~3 de|para ~2 morrer|suicidar|matar"),
    ("method.means_cue", "method", "@MEANS ~8 @CUE"),
    ("method.cue_means", "method", "@CUE ~8 @MEANS"),
    ("method.which", "method", "saber|escolher|escolhi|decidir|decidi ~2 qual|que ~1 @HIGH|metodo|jeito|remedio"),
    (
        "method.buy_many",
        "method",
        "comprar|comprei|juntar ~2 varias|muitas|varios|muitos ~1 cartela|cartelas|caixas ~3 @MEDS",
    ),
    ("method.count", "method", "contar|contei ~0 o|meu|todo ~1 @MEDS"),
    (
        "method.think_means",
        "method",
        "@THINK ~2 em|o ~1 gilete|lamina|laminas|corda|arma|revolver|veneno|chumbinho|trilho|trilhos|linhadotrem",
    ),
    ("method.stash", "method", "juntar|acumular|estocar|esconder|separar|separei ~4 @MEDS"),
    (
        "method.keeping",
        "method",
        "guardar|guardando|guardei ~4 @MEDS ~10 porque|sei|caso|escondido|escondida|escondidos|ninguem|"
        "sobra|sobras|antigo|antiga|antigas|antigos",
    ),
    ("method.stashed", "method", "@MEDS ~5 escondido|escondidos|juntado|acumulado|guardados|guardadas"),
    ("method.take_whole", "method", "tomar|engolir ~3 cartela|cartelas|caixa|frasco|vidro ~3 @MEDS|inteira|inteiro"),
    ("method.take_all_once", "method", "tomar|engolir ~4 todo|todos|tudo ~3 de ~1 uma ~1 vez"),
    (
        "method.think_take_all",
        "method",
        "@THINK|vontade|querer ~3 tomar|engolir ~3 todo|todos|tudo|cartela|caixa ~3 @PILLS",
    ),
    ("method.jump", "method", "pular|saltar|jogar|atirar ~4 @HIGH"),
    (
        "method.in_front",
        "method",
        "jogar|atirar|pular|deitar ~3 frente ~2 trem|metro|onibus|carro|caminhao|comboio|carreta",
    ),
    (
        "method.throw_into",
        "method",
        "me ~1 jogar|atirar|lancar ~3 rio|mar|represa|lago|trem|comboio|metro|onibus|caminhao|carro|linhadotrem|"
        "trilho|abismo",
    ),
    (
        "method.throw_into2",
        "method",
        "jogar|atirar|lancar ~0 me ~3 rio|mar|represa|lago|trem|comboio|metro|onibus|caminhao|carro|linhadotrem|"
        "trilho|abismo|ponte|predio|janela|viaduto",
    ),
    ("method.tracks", "method", "trilho|trilhos|linhadotrem ~8 @THINK|pular|deitar|frente|jogar"),
    (
        "method.edge",
        "method",
        "beira|borda|beirada ~3 linhadotrem|trilho|trilhos|ponte|viaduto|predio|penhasco|precipicio|abismo|"
        "janela|terraco|telhado|laje",
    ),
    ("method.high_look", "method", "@HIGH ~20 olhar|olhando ~3 baixo"),
    ("method.high_think", "method", "@HIGH ~3 @THINK|pular|beira|beirada|borda"),
    ("method.think_jump", "method", "@THINK ~4 pular|jogar|atirar ~4 @HIGH|frente"),
    ("method.hang", "method", "me ~1 enforcar"),
    ("method.hang2", "method", "enforcar ~0 me"),
    ("method.rope", "method", "@LIGATURE ~10 aguentar|segurar|suportar|pescoco|viga|teto|ventilador|enforcar|peso"),
    ("method.hold_weight", "method", "aguentar|segurar|suportar ~2 meu ~1 peso"),
    (
        "method.holding",
        "method",
        "eu ~3 com ~2 gilete|lamina|estilete|navalha|corda|arma|revolver ~3 mao|agora|aqui|lado|bolso",
    ),
    (
        "method.access",
        "method",
        "saber ~2 onde ~4 guardar|esconder|ficar|estar ~3 arma|revolver|pistola|remedio|remedios|veneno|chumbinho",
    ),
    (
        "method.means_ready",
        "method",
        "@LIGATURE|gilete|lamina|laminas|arma|revolver|veneno|chumbinho|carvao ~6 esperando|esperar|pronto|pronta|"
        "preparado|preparada|escondido|escondida|guardado|guardada",
    ),
    ("method.wrists", "method", "cortar|abrir ~3 pulso|pulsos|veia|veias|garganta"),
    ("method.blade_wrist", "method", "gilete|lamina|navalha|faca|estilete ~10 pulso|pulsos|veia|veias|garganta"),
    (
        "method.car",
        "method",
        "jogar|bater|lancar|atirar|enfiar ~2 carro|moto ~6 contra|caminhao|poste|arvore|muro|carreta",
    ),
    (
        "method.car_against",
        "method",
        "carro|volante ~6 contra ~3 caminhao|poste|arvore|muro|carreta|onibus|mureta",
    ),
    ("method.drown", "method", "me ~1 afogar|envenenar"),
    ("method.drown2", "method", "afogar|envenenar ~0 me"),
    ("method.poison", "method", "tomar|beber|comprar ~4 chumbinho|veneno|raticida|soda|agrotoxico"),
    ("method.gun", "method", "me ~1 dar ~1 um ~1 tiro"),
    ("method.shot_head", "method", "tiro ~3 cabeca|boca"),
    ("method.gun_think", "method", "arma|revolver|pistola ~8 cabeca|boca|@THINK|usar"),
    ("method.sea", "method", "entrar|andar|nadar ~3 mar|rio|represa|lago ~6 @NEG ~1 voltar"),
    # -- intent (C-SSRS 4) --
    ("intent.going_to_kill", "intent", "vou|ir ~3 me ~1 matar|suicidar"),
    ("intent.going_to_kill2", "intent", "vou|ir ~2 matar|suicidar ~0 me"),
    (
        "intent.do_it_when",
        "intent",
        "fazer ~1 isso|aquilo|isto ~8 quando|enquanto ~4 ninguem|sozinho|sozinha|dormir|dormirem|fora",
    ),
    (
        "intent.do_it_future",
        "intent",
        "vou|ir ~2 fazer ~1 isso|aquilo ~2 @FUTURE ~6 quando|enquanto ~6 sozinho|sozinha|ninguem|fora|dormir|"
        "viajar|casa",
    ),
    (
        "intent.how_when",
        "intent",
        "planejar|planejando|plano|decidir|decidi|escolher|escolhi|ja ~3 como|quando|onde ~2 vou|ir ~1 fazer ~0 "
        "!_|o|um|uma|isso|isto|aquilo|algo|tudo|para|com|de|meu|seu|mais|parte|falta|sentido|bem|mal|nada",
    ),
    ("intent.last_entry", "intent", "ultimo|ultima ~1 entrada|registro|pagina"),
    ("intent.last_time_writing", "intent", "ultimo|ultima ~1 vez ~3 escrever|escrevo ~2 aqui"),
    (
        "intent.decided",
        "intent",
        "ja ~2 decidir|decidido|decidida ~0 !_|que|o|um|ir|vou|fazer|para|por|se|qual|quando|onde|como|entre|sobre|"
        "nao|meu|de|mudar|voltar|terminar|sair|ficar|comprar",
    ),
    ("intent.is_decided", "intent", "estar|esta ~1 decidido|decidida $"),
    (
        "intent.not_here",
        "intent",
        "@NEG ~3 estar ~2 aqui ~4 proximo|proxima|natal|aniversario|semana|mes|sessao|amanha|ano",
    ),
    ("intent.no_next", "intent", "@NEG ~2 ter|haver ~2 proximo|proxima ~1 sessao|semana|vez|consulta"),
    ("intent.no_return", "intent", "@NEG ~1 ter ~1 mais ~1 volta"),
    ("intent.end_all_once", "intent", "acabar|terminar ~2 com ~1 tudo ~3 de ~1 vez"),
    ("intent.future_end", "intent", "@FUTURE ~3 acabar|terminar ~2 com ~1 isso|tudo ~0 !que|o|do|no|pendente|em"),
    ("intent.no_news", "intent", "ninguem ~4 noticia|noticias ~2 meu"),
    ("intent.no_news2", "intent", "ninguem ~4 noticia|noticias ~1 de ~1 mim"),
    ("intent.never_see", "intent", "@NEG ~4 ver|ouvir ~3 de ~1 mim ~2 mais|denovo"),
    ("intent.never_see_me", "intent", "nunca ~1 mais ~2 me ~1 ver"),
    ("intent.to_the_end", "intent", "dessa|desta ~1 vez ~4 ir|vou|levar ~3 ate ~2 fim|final ~0 !de|do"),
    ("intent.goodbye_forever", "intent", "adeus|tchau ~2 parasempre"),
    ("intent.goodbye_all", "intent", "adeus ~2 todo|todos|mundo|galera|gente"),
    ("intent.give_slot", "intent", "dar|passar ~4 meu ~1 horario|vaga|sessao|consulta ~4 alguem|outro|outra"),
    ("intent.stop_me", "intent", "ninguem ~3 me ~1 impedir|convencer $"),
    (
        "intent.end_pain",
        "intent",
        "vou|ir ~3 acabar|terminar ~2 com ~2 esse|este|meu|o ~1 dor|sofrimento ~0 "
        "!de|do|no|em|cabeca|costas|dente|barriga|garganta",
    ),
    ("intent.last_night", "intent", "esse|este|hoje ~2 noite|dia|semana ~1 ser|e ~2 o ~1 ultimo|ultima $"),
    (
        "intent.not_past",
        "intent",
        "@NEG ~1 passar|passo ~1 de|do|desse|dessa|deste|desta ~1 semana|mes|noite|ano|natal|sexta|sabado|domingo $",
    ),
    (
        "intent.sleep_forever",
        "intent",
        "vou|ir ~2 dormir|descansar|partir|embora|sumir|desaparecer ~1 parasempre ~0 !do|de|o|em",
    ),
    ("intent.farewell", "intent", "ser|e ~2 meu ~1 despedida ~0 !de"),
    ("intent.not_here_more", "intent", "@NEG ~2 mais ~1 estar ~1 aqui ~0 !_|o|em|nesse|neste|com|para|ate"),
    ("intent.not_here_more2", "intent", "@NEG ~3 estar ~1 mais ~1 aqui ~0 !_|o|em|nesse|neste|com|para|ate"),
    ("intent.tonight", "intent", "@FUTURE ~3 ser|e ~1 o ~1 fim"),
    # -- plan and preparation (C-SSRS 5) --
    ("plan.letters", "plan_preparation", "escrever|escrevi|deixar|deixei|gravar|redigir ~4 cartas|bilhetes"),
    ("plan.letter_each", "plan_preparation", "carta|cartas|bilhete|bilhetes ~3 para ~1 cada ~1 um"),
    ("plan.letter_drawer", "plan_preparation", "carta|cartas|bilhete|bilhetes ~8 gaveta|envelope|envelopes"),
    ("plan.letter_later", "plan_preparation", "carta|cartas|bilhete|bilhetes ~10 ler ~1 depois"),
    ("plan.farewell", "plan_preparation", "carta|cartas|video|mensagem|bilhete|audio|texto ~3 despedida|adeus"),
    ("plan.farewell_note", "plan_preparation", "carta|bilhete ~2 suicidio|suicida"),
    ("plan.goodbye_all", "plan_preparation", "despedindo ~4 todo|todos|cada|geral|familia|amigos"),
    ("plan.goodbye_already", "plan_preparation", "ja ~2 me ~1 despedir ~4 todo|todos|cada|geral|familia|amigos"),
    ("plan.goodbye_secret", "plan_preparation", "despedir|despedindo ~8 sem ~3 perceber|saber|desconfiar"),
    ("plan.saying_goodbye", "plan_preparation", "me ~1 despedir|despedindo $"),
    (
        "plan.farewell_video",
        "plan_preparation",
        "video|carta|mensagem|audio|gravar|gravei ~3 me ~1 despedir|despedindo",
    ),
    (
        "plan.give_away",
        "plan_preparation",
        "dar|doar|distribuir|dei|doei|entregar|entreguei ~2 meu|todo|todas|todos ~2 @BELONGINGS",
    ),
    (
        "plan.give_pet",
        "plan_preparation",
        "dar|doar|entregar|dei|doei|entreguei ~1 meu|o ~1 gato|gata|cachorro|cachorra|pet|bicho ~1 para|pro",
    ),
    (
        "plan.give_forever",
        "plan_preparation",
        "dar|doar|entregar|entreguei|deixar ~6 @BELONGINGS|gato|cachorro|pet ~6 parasempre",
    ),
    ("plan.will", "plan_preparation", "atualizar|fazer|escrever|refazer|deixar ~3 testamento"),
    (
        "plan.passwords",
        "plan_preparation",
        "anotar|escrever|deixar|listar|passar|salvar ~3 todo|todas|meu ~2 senha|senhas",
    ),
    (
        "plan.date",
        "plan_preparation",
        "escolher|escolhi|definir|decidir|marcar|marquei ~2 uma|a|o ~1 data|dia|lugar|local|hora|horario|metodo $",
    ),
    (
        "plan.date_for",
        "plan_preparation",
        "escolher|escolhi|definir|decidir ~2 data|dia|lugar|local|hora|horario ~3 para ~1 fazer|morrer|acabar|isso",
    ),
    ("plan.bought", "plan_preparation", "comprar|comprei ~3 corda|carvao|veneno|chumbinho|arma|revolver"),
    ("plan.when_gone", "plan_preparation", "quando|depois ~3 @NEG ~1 estar ~1 mais ~1 aqui"),
    ("plan.when_gone2", "plan_preparation", "quando ~2 eu ~1 partir|for|ser|ir ~1 embora"),
    ("plan.when_i_go", "plan_preparation", "quando ~1 eu ~1 for|ser|partir $"),
    (
        "plan.have_everything",
        "plan_preparation",
        "ja ~2 separar|separei|comprar|comprei|preparar|preparei|juntar ~2 tudo|todo ~2 que ~1 precisar|preciso $",
    ),
    (
        "plan.scheduled",
        "plan_preparation",
        "agendar|agendei|programar|programei ~3 mensagem|email|post|publicacao|carta|video",
    ),
    (
        "plan.cancel",
        "plan_preparation",
        "cancelar|cancelei ~4 terapia|sessao|sessoes|consulta|consultas|tratamento ~8 @NEG ~3 "
        "precisar|adiantar|sentido",
    ),
    ("plan.if_anything", "plan_preparation", "se|caso ~2 acontecer ~2 algo|alguma|qualquer ~1 coisa ~1 comigo"),
    ("plan.finds_me", "plan_preparation", "quem ~2 me ~1 encontrar"),
    (
        "plan.left_to_find",
        "plan_preparation",
        "deixar|deixei ~8 tudo|carta|cartas|bilhete|bilhetes|documentos|senhas ~8 para ~3 achar|encontrar",
    ),
    ("plan.body", "plan_preparation", "achar|encontrar ~2 meu ~1 corpo"),
    ("plan.funeral_music", "plan_preparation", "musica|musicas ~4 meu ~1 enterro|velorio|funeral"),
    (
        "plan.delete",
        "plan_preparation",
        "apagar|deletar ~4 conta|contas|fotos|instagram|facebook|historico ~6 antes|ninguem",
    ),
    ("plan.debts", "plan_preparation", "pagar ~3 aluguel|dividas|contas ~6 ninguem ~2 ficar"),
    ("plan.my_plan", "plan_preparation", "meu ~1 plano ~2 ser|e ~3 pular|enforcar|morrer|sumir"),
    ("plan.my_plan_pills", "plan_preparation", "meu ~1 plano ~2 ser|e ~2 tomar ~2 tudo|todos|cartela|caixa"),
    ("plan.have_plan", "plan_preparation", "eu ~1 ter|tenho ~1 um ~1 plano ~0 !_|de|para|o|um|b|novo"),
    (
        "plan.rehome",
        "plan_preparation",
        "pedir|pedi ~6 ficar|cuidar ~3 cachorro|gato|filhos|plantas|bichos ~6 se|caso|quando",
    ),
    # -- self-harm, recent (C-SSRS behaviour) --
    (
        "harm.me_cut",
        "self_harm",
        "me ~1 cortar|cortei|queimar|queimei|machucar|machuquei|ferir|arranhar|arranhei|mutilar|lesionar|magoar",
    ),
    ("harm.cut_me", "self_harm", "cortar|queimar|machucar|ferir|arranhar|mutilar|magoar ~0 me"),
    ("harm.body", "self_harm", "cortar|cortei|queimar|queimei|arranhar|arranhei|ferir|furar|morder ~3 @BODY"),
    ("harm.word", "self_harm", "automutilacao"),
    ("harm.until_blood", "self_harm", "@HARM|arranhar|cocar ~6 ate ~3 sangrar|sangue|roxo|ferida|abrir"),
    ("harm.blade_again", "self_harm", "gilete|lamina|estilete|navalha ~8 denovo|braco|pele|perna|coxa|pulso"),
    ("harm.lighter", "self_harm", "isqueiro|cigarro ~6 braco|pele|perna|coxa|pulso|mao"),
    (
        "harm.hide",
        "self_harm",
        "esconder ~3 corte|cortes|cicatriz|cicatrizes|marca|marcas|ferida|feridas|queimadura|queimaduras",
    ),
    (
        "harm.hide2",
        "self_harm",
        "manga|mangas|moletom|casaco ~8 esconder|cobrir ~2 braco|bracos|corte|cortes|marca|marcas",
    ),
    ("harm.purpose", "self_harm", "@HARM|me ~6 deproposito"),
    ("harm.head_wall", "self_harm", "bater|socar|esmurrar ~2 cabeca|mao|punho ~3 parede|espelho|chao"),
    ("harm.punch_wall", "self_harm", "socar|esmurrar|soco|murro ~3 parede|espelho"),
    ("harm.punish", "self_harm", "me ~1 punir|castigar"),
    ("harm.no_eat", "self_harm", "@NEG ~1 merecer ~2 comer|comida"),
    ("harm.urge", "self_harm", "vontade|impulso ~3 de ~1 me ~1 cortar|machucar|queimar|ferir"),
    ("harm.relapse", "self_harm", "recaida|recair|recai ~4 automutilacao|cortar|corte|cortes"),
    ("harm.made_cuts", "self_harm", "fazer|fiz ~2 corte|cortes ~0 !de|do|com|o|em|_"),
    ("harm.pinch", "self_harm", "beliscar|belisquei|me ~6 ate ~3 sangrar|sangue|roxo|ferida|marca"),
    ("harm.fresh", "self_harm", "corte|cortes|ferida|feridas ~1 fundo|fundos|profundo|profundos"),
    (
        "harm.cuts_body",
        "self_harm",
        "corte|cortes|queimadura|queimaduras ~3 braco|bracos|pulso|pulsos|coxa|coxas|perna|pernas|barriga|"
        "antebraco|pele",
    ),
    ("harm.scars", "self_harm", "cicatriz|cicatrizes ~3 braco|bracos|pulso|pulsos|coxa|coxas|antebraco"),
    # -- attempts (C-SSRS behaviour): urgent when recent or when the feeling is back, gentle when long past --
    ("attempt.tried", "attempt", "tentar|tentei ~3 me ~1 matar|suicidar"),
    ("attempt.tried2", "attempt", "tentar|tentei ~2 matar|suicidar ~0 me"),
    ("attempt.tried_suicide", "attempt", "tentar|tentei|tentativa ~3 suicidio|suicidar"),
    ("attempt.tried_take_life", "attempt", "tentar|tentei ~2 tirar ~2 meu|proprio ~1 vida"),
    ("attempt.tried_end", "attempt", "tentar|tentei ~2 acabar ~1 com ~2 meu|tudo"),
    ("attempt.my_attempt", "attempt", "meu|ultimo|primeiro|segundo|terceiro ~1 tentativa ~0 !de"),
    ("attempt.attempt_year", "attempt", "tentativa ~1 de|em ~1 @YEAR|@NUMBER"),
    ("attempt.attempt_of", "attempt", "tentativa|tentativas ~2 de ~1 suicidio"),
    (
        "attempt.tried_times",
        "attempt",
        "tentar|tentei ~2 vez|vezes ~2 @NUMBER|@YEAR|adolescente|adolescencia|faculdade",
    ),
    (
        "attempt.when_i_tried",
        "attempt",
        "quando|depois|antes|desde ~2 eu ~1 tentar|tentei ~0 !_|de|o|um|fazer|falar|ligar|conversar|explicar|"
        "ajudar|entender|sair|me|te|lhe|isso|aquilo|tudo|mudar|parar|voltar|ir|ser|ter|dormir|comer|estudar|"
        "trabalhar|melhorar|convencer|mais|muito|bastante|tanto|varias|para|com|por|nao|ver|achar|encontrar|"
        "pegar|levar|buscar|dizer|contar|escrever|ler|entrar|abrir|fechar|usar|tomar",
    ),
    ("attempt.many_pills", "attempt", "tomar|tomei|engolir ~3 monte|montes|punhado ~3 @PILLS"),
    ("attempt.pills_to_die", "attempt", "tomar|tomei|engolir ~6 para ~1 morrer"),
    ("attempt.survived", "attempt", "sobreviver ~3 tentativa|overdose|ponte|queda|viaduto"),
    ("attempt.hospital", "attempt", "acordar ~2 hospital|uti"),
    (
        "attempt.hospital_for",
        "attempt",
        "internado|internada|internacao|internar|hospital|uti ~4 por|depois|apos ~2 tentativa|overdose|tentar",
    ),
    ("attempt.had", "attempt", "ter|tive ~2 uma|duas|tres|algumas|varias ~1 tentativa|tentativas ~0 !de|do|_"),
    (
        "attempt.hospital_took",
        "attempt",
        "hospital|uti|internado|internada|internacao ~6 tomar|tomei|engolir ~3 tudo|todos|cartela|caixa|monte",
    ),
    ("attempt.stomach", "attempt", "lavagem ~1 estomacal|estomago"),
    ("attempt.almost", "attempt", "quase ~1 conseguir|consegui ~3 ultimo|ultima ~1 vez"),
    ("attempt.against_me", "attempt", "tentar|tentei|atentar ~3 contra ~2 mim|meu|propria"),
    ("attempt.already_tried", "attempt", "ja ~1 tentar|tentei ~1 uma|duas|tres|algumas|varias ~1 vez|vezes $"),
    # -- soft signals --
    ("soft.no_hope", "soft_hopeless", "sem|nenhum|nenhuma ~1 esperanca"),
    ("soft.hope_none", "soft_hopeless", "esperanca ~1 nenhum|nenhuma|zero"),
    ("soft.hopeless", "soft_hopeless", "desesperanca|desesperancado|desesperancada"),
    ("soft.lost_hope", "soft_hopeless", "perder ~2 esperanca|esperancas"),
    ("soft.no_hope_left", "soft_hopeless", "@NEG ~3 ter|haver|existir|sobrar ~2 esperanca"),
    ("soft.never_better", "soft_hopeless", "nada|nunca ~4 melhorar|mudar"),
    ("soft.see_better", "soft_hopeless", "@NEG ~2 ver ~5 melhorar|melhorando|futuro|luz"),
    ("soft.no_future", "soft_hopeless", "sem|nenhum ~1 futuro"),
    ("soft.no_future2", "soft_hopeless", "@NEG ~1 ter ~1 futuro"),
    ("soft.nothing_helps", "soft_hopeless", "nada ~2 adiantar|ajudar|funcionar"),
    ("soft.rock_bottom", "soft_trapped", "fundo ~2 poco"),
    ("soft.nothing_live_for", "soft_hopeless", "nada|@NEG ~4 pelo|por ~1 que ~1 viver|lutar"),
    ("soft.life_over", "soft_hopeless", "meu ~1 vida ~2 acabar|acabou|acabada|terminar|terminou $"),
    ("soft.no_will", "soft_exhausted", "@NEG|sem ~3 vontade ~2 de ~1 nada"),
    ("soft.burden", "soft_burden", "fardo|estorvo"),
    ("soft.only_hinder", "soft_burden", "so|apenas ~1 atrapalhar|atrapalho|incomodar|incomodo ~0 !o|meu|seu|um"),
    ("soft.weight", "soft_burden", "peso ~3 para|todo|todos|familia|ninguem|morto"),
    ("soft.be_weight", "soft_burden", "ser|e|sentir ~3 um ~1 peso"),
    ("soft.better_without", "soft_burden", "melhor|feliz|facil|leve|tranquilo|melhores|felizes ~3 sem ~1 mim"),
    (
        "soft.better_if_gone",
        "soft_burden",
        "melhor|feliz|facil|leve|tranquilo|felizes|melhores ~4 se ~2 eu ~2 @NEG ~1 estar|existir|estivesse|existisse",
    ),
    ("soft.nobody_miss", "soft_burden", "ninguem ~4 sentir ~3 falta"),
    ("soft.nobody_cares", "soft_burden", "ninguem ~2 se ~1 importar ~2 comigo|mim"),
    (
        "soft.nobody_notice",
        "soft_burden",
        "ninguem ~4 notar|perceber|ligar|importar ~3 se ~2 eu ~2 sumir|morrer|desaparecer|sumisse|for",
    ),
    (
        "soft.if_die_nobody",
        "soft_burden",
        "se ~2 eu ~2 morrer|sumir|desaparecer ~6 ninguem ~3 importar|ligar|notar|perceber|sentir",
    ),
    ("soft.worthless", "soft_burden", "sentir ~3 inutil|imprestavel|estorvo"),
    ("soft.worthless_trash", "soft_burden", "sentir ~3 um ~1 lixo|nada ~0 !hoje|de|com|o|por|depois|_"),
    (
        "soft.worthless_me",
        "soft_burden",
        "eu ~1 ser ~2 inutil|lixo|imprestavel|estorvo|fracasso ~0 !no|em|o|com|de|como",
    ),
    ("soft.deserve_pain", "soft_burden", "merecer|mereco ~3 dor|sofrer|sofrimento|castigo|punicao|apanhar|morrer"),
    ("soft.in_way", "soft_burden", "atrapalhar ~3 vida|todo|todos|outros"),
    (
        "soft.trapped",
        "soft_trapped",
        "sentir|estar|eu ~3 preso|presa|presar|encurralado|encurralada|sufocado|sufocada",
    ),
    (
        "soft.trapped_in",
        "soft_trapped",
        "preso|presa|presar ~2 nesse|nessa|neste|nesta|em|nisso|na|o ~1 vida|corpo|cabeca|situacao|buraco",
    ),
    ("soft.no_exit", "soft_trapped", "semsaida"),
    (
        "soft.see_exit",
        "soft_trapped",
        "@NEG ~3 ver|ter|haver|enxergar|existir ~2 saida ~0 !hoje|amanha|noite|para|de|do|o|com",
    ),
    ("soft.run_to", "soft_trapped", "@NEG ~1 ter ~2 onde ~1 fugir|correr"),
    ("soft.pointless", "soft_pointless", "qual ~2 o ~1 sentido"),
    ("soft.no_sense", "soft_pointless", "@NEG ~2 ver|enxergar ~3 sentido"),
    ("soft.no_sense_more", "soft_pointless", "@NEG ~2 ter|haver|fazer ~1 mais ~1 sentido"),
    ("soft.nothing_sense", "soft_pointless", "nada ~3 fazer|ter ~1 sentido"),
    ("soft.life_no_sense", "soft_pointless", "vida|tudo|viver ~3 sem ~1 sentido"),
    ("soft.life_no_sense2", "soft_pointless", "vida|viver|continuar ~3 @NEG ~2 ter|fazer ~1 sentido"),
    ("soft.why_go_on", "soft_pointless", "para ~1 que ~1 continuar|viver|tentar|lutar"),
    ("soft.no_reason", "soft_pointless", "@NEG ~2 ter|haver ~2 porque|motivo|razao ~3 continuar|viver|lutar"),
    ("soft.what_use", "soft_pointless", "de ~1 que ~1 adiantar ~3 viver|tentar|continuar|lutar|tudo"),
    ("soft.nothing_matters", "soft_pointless", "nada ~2 importar|importa"),
    ("soft.not_worth", "soft_pointless", "@NEG ~1 valer|vale ~2 pena ~2 continuar|tentar|lutar|nada"),
    ("soft.cant_take", "soft_stop", "@NEG ~1 aguentar|aguento|suportar|suporto ~1 mais"),
    ("soft.cant_anymore", "soft_stop", "@NEG ~1 dar|consigo|conseguir ~1 mais $"),
    (
        "soft.cant_go_on",
        "soft_stop",
        "@NEG ~2 conseguir|consigo ~2 continuar|seguir ~0 !_|o|um|com|lendo|assistindo|estudando|trabalhando|no",
    ),
    ("soft.want_stop", "soft_stop", "@WANT ~4 que ~2 tudo|isso|dor ~2 parar|acabar"),
    ("soft.make_stop", "soft_stop", "fazer ~2 isso|tudo|dor ~1 parar"),
    ("soft.give_up", "soft_stop", "desistir ~3 de ~2 tudo|vida|mim|lutar|viver"),
    (
        "soft.exhausted",
        "soft_exhausted",
        "cansado|cansada|cansar|cansei|exausto|exausta|farto|farta ~3 de ~1 tudo|lutar|tentar|vida",
    ),
    ("soft.no_strength", "soft_exhausted", "@NEG ~3 forca|forcas ~0 !_|no|na|o|em|nas|nos"),
]

# Everyday senses, the dosing experience, and medicine: a rule's match that overlaps one of these is no finding.
SHIELDS = [
    # idioms of dying and killing
    "morrer|morto|morta|morte|matar ~1 de ~1 rir|riso|vergonha|fome|sede|frio|calor|saudade|cansaco|tedio|medo|"
    "susto|inveja|raiva|ciume|vontade|curiosidade|amor|dor|sono|preguica|estudar|trabalhar|ansiedade|alegria|"
    "felicidade|emocao|trabalho|estudo|nervoso|tesao|gritar|chorar|cansado|cansada|correr|treinar|limpar|velho|"
    "velhice|tanto",
    "celular|bateria|telefone|telemovel|notebook|computador|carro|planta|plantas|lampada|tv|internet|wifi|sinal|"
    "motor|impressora|pilha|fone|radio|conversa|assunto|festa|batata ~3 morrer|morto|morta",
    "matar ~2 aula|aulas|tempo|saudade|saudades|charada|fome|sede|curiosidade|servico|jogo|partida|cobra|barata|"
    "mosquito|formiga|pernilongo|trabalho|expediente|garrafa|pizza|prova|questao",
    "vai|vao ~0 me ~1 matar",
    "@OTHER ~1 me ~1 matar|mato|machucar|bater|queimar|cortar|arranhar",
    "isso|isto|essa|esse|esta|este|aquilo ~3 me ~1 matar",
    "estar ~0 me ~1 matar",
    "enforcar ~2 sexta|segunda|dia|feriado|aula|trabalho|ponte",
    "me ~1 jogar ~3 festa|balada|pista|show|carnaval|vida|trabalho|projeto|sofa|cama|piscina|mar|agua|braco|"
    "oportunidade|role|danca|dancar|pagode|samba|forro|praia",
    "pular|saltar ~3 cama|piscina|paraquedas|corda|fogueira|carnaval|onda|mar|obstaculo|etapa|linha|capitulo|"
    "bungee|muro|cerca|poca",
    "tiro ~3 pe|culatra",
    "tiro ~1 certo|curto|longo",
    "fazer ~1 ponte",
    "ponte ~2 feriado|dente|dentes|dentaria|aerea|movel|safena",
    "morrer ~1 na ~1 praia",
    "acabar ~1 comigo ~3 cena|filme|episodio|livro|musica|semana|dia|treino|prova|corrida",
    "acabar|terminar ~2 com ~1 tudo ~3 jogo|festa|show|prova|apresentacao|competicao|campeonato|balada|palco",
    "missao|bomba|homem|atentado|ataque|mulher ~1 suicida",
    "aguentar|aguento ~1 mais ~3 calor|frio|chuva|transito|engarrafamento|barulho|fila|obra|vizinho|vizinhos|"
    "chefe|reuniao|reunioes|prova|provas|faculdade|trabalho|emprego|aula|aulas|sol|onibus|metro|fome|sono|"
    "ansiedade|curiosidade|esperar",
    "rua|travessa|estrada|avenida ~2 semsaida",
    "preso|presa|presar ~3 transito|engarrafamento|elevador|reuniao|fila|aeroporto|chuva|trabalho|banheiro",
    "sufocado|sufocada ~3 calor|abafado|fumaca",
    "peso ~3 kg|quilo|quilos|balanca|academia|dieta|perder|ganhar|ideal|corpo",
    "perder|ganhar|emagrecer|levantar|treinar ~3 peso",
    "ver ~2 hora",
    "peso ~2 menos",
    "aqui ~1 o|em|nesse|neste ~1 _",
    "acontecer ~3 comigo ~4 viagem|voo|cirurgia|estrada|trabalho|festa|fora",
    "morte ~1 do|dele|dela|deles",
    "sem ~1 querer",
    "fiz ~1 de ~1 tudo",
    # the dosing experience itself
    "morte ~2 ego|simbolica|boa|bonita|bela",
    "ego ~3 morrer|morte|dissolver|dissolucao|dissolvendo",
    "morrer|morte ~4 renascer|renascimento|renascendo|nascer",
    "ver|vi|sonhar|assistir|assisti ~3 meu ~1 proprio ~1 funeral|enterro|velorio|morte",
    "como ~1 se ~4 morrer|morto|morta|morrido",
    "sentir|parecer|senti ~4 estar|estava ~1 morrer",
    "deixar ~4 antigo|velho|medo|vergonha|passado|ego|versao|parte ~3 morrer",
    "antigo|velho|velha|antiga ~3 morrer",
    "@NEG ~1 existir ~4 lindo|bonito|paz|medo|assustador|incrivel|leve|bom",
    "khole",
    # medicine and daily life
    "dose ~1 letal|fatal ~3 cafeina|cafe|agua|sal|acucar|nicotina",
    "overdose ~2 de ~1 cafe|cafeina|acucar|chocolate|trabalho|informacao|serie",
    "portacomprimidos",
    "@PILLS ~4 semana|mes ~1 todo|toda|inteiro|inteira",
    "@MEDS ~3 do|da|para|o ~1 semana|mes|dia|viagem|horario",
    "separar|organizar|contar|guardar ~8 portacomprimidos",
    "guardar ~6 @PILLS ~4 armario|geladeira|caixa|lugar|longe|alto|trancado|chave|seguro|cofre",
    "@PILLS ~4 trancar|trancado|chave|cofre|seguro",
    "farmacia|farmaceutico|farmaceutica|posto|ubs ~6 @PILLS",
    "me ~1 cortar|cortei|queimar|queimei|machucar|machuquei|ferir|arranhar|bater ~6 descascar|cozinhar|picar|"
    "cozinhando|forno|fogao|panela|ferro|chapinha|academia|treino|futebol|jogo|queda|cair|porta|quina|mesa|papel|"
    "lata|vidro|espinho|correr|bicicleta|skate|barbear|depilar|faca|cebola|louca|jardim|tesoura|frango|carne|"
    "peixe|fruta|batata",
    "me ~1 cortar ~3 time|lista|grupo|equipe|escala|projeto|conversa|festa|plano|vaga|conta",
    "cortar|cortei|queimar|queimei ~3 dedo|dedos|unha|unhas|cabelo|franja|lingua|labio",
    "cortar|cortei ~3 pele ~2 frango|carne|peixe|fruta|batata",
    "corte ~2 cabelo|franja|novo|nova",
    "@HARM ~6 no|na|com|o ~1 forno|fogao|panela|ferro|chapinha|grelha|churrasqueira|oleo|vapor|sol|praia",
    "gilete|lamina|laminas ~6 barbear|barbeador|barba|depilar|depilacao|raspar|pelos",
    "gato|gata|cachorro|cachorra|gatinho|gatinha|cachorrinho|cao|bicho|bebe|filho|filha ~4 @HARM|arranhar|morder",
    "corda ~5 varal|pular|escalar|escalada|barraca|rede|barco|academia|violao|guitarra|cavaquinho|bamba|guerra|"
    "crossfit|instrumento|baixo|relogio",
    "carvao ~4 churrasco|churrasqueira|lareira|fogao|desenho",
    "veneno|chumbinho ~4 rato|ratos|barata|baratas|formiga|formigas|praga|cupim|mosquito",
    "carta|cartas|cartao|bilhete|bilhetes ~5 aniversario|natal|casamento|agradecimento|amor|obrigado|obrigada|"
    "parabens|recomendacao|apresentacao|motivacao|demissao|intencao|namorado|namorada|avo|vo|dia",
    "doar|doei|dar|dei ~6 bazar|igreja|caridade|brecho|doacao|campanha|servir|serve|usar|uso|sobrinho|sobrinha|"
    "afilhado|afilhada|aniversario|natal|presente|biblioteca|escola|ong|adocao|adotar|morar|mudar|mudanca|viajar|"
    "viagem|exterior|fora|alergia",
    "bazar|igreja|caridade|brecho|doacao|campanha|biblioteca|escola|ong ~8 doar|doei|dar|dei|entregar",
    "@OTHER ~3 testamento",
    "testamento ~2 dele|dela|deles|delas",
    "testamento ~6 depois|desde|porque ~4 bebe|nascer|casar|casamento|casa|filho|filha|heranca",
    "data|dia|lugar|local|hora|horario ~4 casamento|festa|viagem|mudanca|cirurgia|prova|exame|entrevista|"
    "aniversario|consulta|show|formatura|parto|batizado|churrasco|reuniao",
    "despedir|despedi|despedindo|despedida ~6 colega|colegas|trabalho|emprego|aeroporto|viagem|festa|turma|escola|"
    "mudar|mudanca|intercambio|ferias|rodoviaria|dele|dela|deles|delas|direito",
    "festa ~2 de ~1 despedida",
    "@NEG ~3 estar ~2 aqui ~10 viajar|viagem|ferias|fora|trabalho|plantao|mudar|mudanca|casamento|congresso|cirurgia",
    "viajar|viagem|ferias|congresso|plantao ~10 @NEG ~3 estar ~2 aqui",
    "prevencao|posvencao|conscientizacao|combate ~3 suicidio|automutilacao",
    "taxa|taxas|risco|estatistica|estatisticas|fator|fatores|sinal|sinais ~2 de ~1 suicidio|automutilacao",
    "perguntar|pergunta ~3 se|sobre ~8 suicidio|morrer|matar|machucar|vida|morte",
    "plano ~2 de ~1 seguranca",
    "dose ~1 subir|aumentar|ajustar|baixar",
]

# Lemmas that open a new clause: a negation does not reach across them.
CLAUSE = frozenset({"e", "mas", "porque", "entao", "enquanto", "embora", "pois", "porem", "contudo"})
# Lemmas after which a new clause begins when looking back for who a match is about. Not "dizer": in Portuguese
# "minha prima disse que queria morrer" is the cousin's, the subject dropped.
REPORTING = frozenset({"saber", "achar", "acreditar", "e", "mas", "porque"})
# Lemmas a negation reaches across without using up its window ("nao tenho mais pensamentos de me matar").
TRANSPARENT = frozenset(
    {
        "nenhum",
        "qualquer",
        "de",
        "do",
        "em",
        "o",
        "mais",
        "pensamento",
        "ideia",
        "vontade",
        "plano",
        "intencao",
        "ideacao",
        "impulso",
        "real",
        "serio",
        "ativo",
        "eu",
        "tipo",
        "muito",
        "um",
        "esse",
    }
)
POSSESSIVE = frozenset({"meu", "nosso"})
# Who does a preparation when the word just before it names them ("ela escreve cartas", "a gente deu o gato").
SUBJECTS = frozenset({"ele", "voce", "tu", "nos", "gente"})
PREPOSITIONS = frozenset({"para", "com", "de", "do", "em", "o", "por", "sobre", "que", "sem", "ate", "contra"})
DOER_ADVERBS = frozenset({"ja", "tambem", "so", "ainda", "entao", "sempre", "finalmente", "ate", "mesmo", "nunca"})
