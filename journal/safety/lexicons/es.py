"""Spanish (Spain and Latin America): what the risk engine listens for. Data only; the names are those of
``journal/safety/lexicons/__init__.py``.

Categories follow the ladder of the Columbia Suicide Severity Rating Scale screener in its official Spanish
version (Escala Columbia para Evaluar el Riesgo de Suicidio, C-SSRS, versión de tamizaje; Posner et al., Am J
Psychiatry 2011; The Columbia Lighthouse Project): deseo de estar muerto, pensamientos suicidas activos,
método, intención, plan y preparación, autolesión reciente y conducta pasada. The soft signals (desesperanza,
sentirse una carga, atrapamiento, sin sentido, querer que todo pare, agotamiento) follow the interpersonal
theory and the entrapment literature, as in ``en.py``; the warning signs of the Spanish clinical guideline
(Guía de Práctica Clínica de Prevención y Tratamiento de la Conducta Suicida, Ministerio de Sanidad, 2012)
name the same groups. No phrase was copied from any lexicon or scale: they name the categories; the words here
were written for how people write in a journal or a message, in Spain and in Latin America: without accents,
with "q", "xq", "tb", "nose", and the clitic pronoun glued to the verb ("matarme", "cortandome").

Three things of Spanish the rules lean on:

- the writer is often in the verb, not in a pronoun ("quiero morirme"): the clitics are split off the verb
  ("matarme" reads "me matar") and the first person of the common verbs reads with a "yo" before it
  ("pienso" reads "yo pienso"), so the weighing can tell the writer from someone else. Forms that fold to
  another person's ("mató" and "mato", "cortó" and "corto") are left out;
- the third person of a few verbs is kept as written (``LITERAL``): "me mata el calor", "mi jefe me va a
  matar", "me hace daño" are about what something else does to the writer, not what the writer does;
- ``ACCENTS`` puts the accents back where the dictionary needs them ("queria", "contrasenas").

Measured (``make eval-safety``): the rules were first written against ``tests/safety/corpus/es/dev.jsonl``;
``dev2.jsonl`` was written afterwards by a different brief (more slang, more regions) and measured before any
rule was changed for it: recall 74.0%, urgent given urgent 66.7%, false alarms 5.4% (the honest figure for the
first rules, close to English's held-out part); the rules were then generalised against both. The held-out
part (``heldout.jsonl``, another hand) was never read.

Words are written folded (no accents, "n" for "ñ"). A rule is a pattern over lemmas: slots separated by spaces,
alternatives by ``|``, ``@NAME`` for a word set, ``~N`` for up to N other words between two slots.
"""

from __future__ import annotations

VERSION = 1
LEMMA_LANG = "es"
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü", "n": "ñ"}

# -- spelling ---------------------------------------------------------------------------------------------

# Verbs whose clitic pronoun is split off ("matarme" reads "me matar", "cortandome" reads "me cortando"):
# infinitives and gerunds, folded.
_CLITIC_VERBS = (
    "matar suicidar morir quitar tirar lanzar aventar arrojar colgar ahorcar cortar rajar quemar lastimar "
    "herir pegar golpear hacer dormir despertar desaparecer ir despedir envenenar ahogar tomar tragar dejar "
    "acabar rascar aranar castigar desangrar apunalar disparar meter morder pinchar autolesionar rendir "
    "llevar"
)
_GERUNDS = (
    "matando suicidando muriendo quitando tirando lanzando aventando colgando ahorcando cortando rajando "
    "quemando lastimando hiriendo pegando golpeando haciendo despidiendo ahogando tomando tragando "
    "rascando aranando castigando autolesionando rindiendo"
)
_CLITICS = ("me", "te", "se", "lo", "la", "le", "nos")
# The writer's own verbs, in forms no other person folds to: present and past of the first person singular.
FIRST_PERSON = (
    "quiero pienso tengo estoy soy voy siento puedo hago digo veo creo prefiero muero sigo merezco vivo "
    "escribo decido he ando necesite "
    "quise pense tuve estuve fui hice dije vi senti pude supe puse intente decidi escribi elegi volvi "
    "recai sobrevivi desperte termine acabe empece comence compre guarde deje corte queme golpee lastime "
    "tome trague junte busque mire regale borre llame hable planee investigue averigue rasque autolesione "
    "tire colgue corte ahorque desperte"
)

SPELLING: dict[str, str] = {
    "q": "que",
    "k": "que",
    "ke": "que",
    "xq": "porque",
    "xk": "porque",
    "pq": "porque",
    "porq": "porque",
    "porke": "porque",
    "tb": "tambien",
    "tmb": "tambien",
    "tbn": "tambien",
    "nose": "no saber",
    "nosabe": "no saber",
    "yasabe": "ya saber",
    "losabe": "lo saber",
    "nc": "no saber",
    "ns": "no saber",
    "bn": "bien",
    "pa": "para",
    "pal": "para el",
    "xa": "para",
    "x": "por",
    "d": "de",
    "toy": "yo estoy",
    "tas": "estas",
    "ta": "esta",
    "kiero": "yo quiero",
    "qiero": "yo quiero",
    "kero": "yo quiero",
    "keria": "queria",
    "aki": "aqui",
    "mñn": "manana",
    "mna": "manana",
    "pastis": "pastillas",
    "palmarla": "palmar",
    "palmarlo": "palmar",
    "pasti": "pastilla",
    "medis": "medicamentos",
    "autolesionarme": "me autolesionar",
    "suicidarme": "me suicidar",
    "jaja": "",
    "jajaja": "",
    "jajajaja": "",
    "xd": "",
    "tqm": "",
    "kmsn": "kms",
}
for _verb in _CLITIC_VERBS.split():
    for _clitic in _CLITICS:
        SPELLING.setdefault(_verb + _clitic, f"{_clitic} {_verb}")
for _gerund in _GERUNDS.split():
    for _clitic in _CLITICS:
        SPELLING.setdefault(_gerund + _clitic, f"{_clitic} {_gerund}")
for _form in FIRST_PERSON.split():
    SPELLING.setdefault(_form, f"yo {_form}")

JOINS = {
    "no se": "nosabe",  # "I don't know", not the reflexive of someone else
    "ya se": "yasabe",
    "lo se": "losabe",
    "auto lesion": "autolesion",
    "auto lesiones": "autolesiones",
    "auto lesionarme": "autolesionarme",
    "k hole": "khole",
    "q hole": "khole",
}
# Words read as written, never as their lemma: the third person that tells someone else acts ("me va a
# matar", "me hace dano", "se murio"), pronouns the dictionary would fold into the article ("ella" is "el"),
# and "nosotros" (not "yo").
LITERAL = frozenset(
    "va van iba iban vaya vayan hizo hicieron hace hacen hacia mata matan mataba mataban mataste mataron matas "
    "muere mueren murio "
    "murieron se le les ella ellas ellos nosotros nosotras nos esta estan quiere quieren puede pueden".split()
)
TYPO_TOLERANT = (
    "suicidio suicidarme suicida matarme morirme desaparecer pastillas sobredosis autolesion autolesiones "
    "cortarme pensamientos esperanza despedida ahorcarme"
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"
SENTENCE_ENDS = ".!?;\n¿¡"
ENDINGS: tuple[str, ...] = ()  # simplemma knows Spanish inflection
FALSE_FRIENDS = ""  # English leaves alone the words Spanish's dictionary knows and English's does not
STEM_ADDS: tuple[str, ...] = ()
UNDOUBLE = False
DROPPED: dict[str, str] = {}
PLURAL_ENDINGS = ("s", "es")  # "amigos", "companeros"
RESPELL_BEFORE: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
NEGATION_WINDOW = 4
PERSON_WINDOW = 8

# -- word sets -------------------------------------------------------------------------------------------

MEDICINES = (
    "pastilla pastillas pildora pildoras comprimido comprimidos capsula capsulas medicamento medicamentos "
    "medicina medicinas farmaco farmacos remedio remedios paracetamol ibuprofeno aspirina tylenol codeina "
    "tramadol morfina oxicodona opioides benzos clonazepam rivotril alprazolam xanax diazepam valium "
    "lorazepam orfidal lexatin litio amitriptilina sertralina fluoxetina quetiapina seroquel insulina "
    "somniferos tranquilizantes antidepresivos"
)
LIGATURES = "soga cuerda cinturon cable bufanda lazo horca"

SETS = {
    "SELF": "yo me mi mis mio mia conmigo",
    "OTHER": "ella ellos ellas se le les su sus tu tus te ti usted ustedes amigo amiga amigos amigas "
    "hermano hermana mama mami madre papa papi padre hijo hija primo prima tio tia abuelo abuela novio "
    "novia pareja esposo esposa marido ex jefe jefa companero companera colega paciente doctor doctora "
    "medico medica psiquiatra psicologo psicologa terapeuta enfermera alguien personaje protagonista chico "
    "chica hombre mujer gente persona nino nina vecino vecina perro gato cunado cunada suegra suegro "
    "sobrino sobrina compa wey bro",
    "NEG": "no nunca jamas ni tampoco sin ningun ninguna ninguno",
    # after a negation, these do not negate what follows ("no se", "no dejo de pensar", "no aguanto mas")
    "NEG_EXCEPT": "se saber dejar dejo parar paro solo importar aguantar poder soportar entender",
    "DEAD": "morir morirme muera muerto muerta muerte desaparecer existir palmar",
    "WANT": "querer quiero quisiera desear deseo ojala ganas preferir preferiria necesitar pedir rezar anhelar",
    "THINK": "pensar pensando pensamiento pensamientos idea ideas considerar imaginar fantasear planear "
    "obsesionar rondar",
    "KILLSELF": "suicidio suicidar suicida suicidas suicidarme autoeliminar",
    "PILLS": f"{MEDICINES} caja bote frasco blister receta",
    "HIGH": "puente azotea techo terraza balcon edificio acantilado torre anden ventana barandal barandilla "
    "cornisa precipicio mirador",
    "BODY": "brazo brazos muneca munecas muslo muslos pierna piernas piel estomago panza barriga cadera "
    "tobillo pecho mano manos nudillo nudillos hombro cara palma vena venas cuello",
    "HARM": "cortar corte corto rajar quemar rascar aranar golpear pegar lastimar herir morder pinchar castigar "
    "autolesionar",
    "FUTURE": "noche manana finde domingo lunes martes miercoles jueves viernes sabado pronto semana",
    "MEANS": f"{MEDICINES} {LIGATURES} viga puente azotea balcon acantilado cornisa via vias tren metro "
    "carretera autopista trafico rio mar lago presa cuchillo navaja cuchilla cuchillas gillette cutter "
    "arma pistola escopeta revolver gas veneno lejia cloro raticida matarratas insecticida",
    "LIGATURE": LIGATURES,
    "CUE": "suficiente suficientes letal mortal indoloro rapido facil sobredosis juntar acumular esconder "
    "calcular foro dosis",
    "GOODBYE": "carta cartas nota notas despedida despedidas adios video audio mensaje mensajes",
    "DEADKIN": "papa mama abuela abuelo hermano hermana hijo hija amigo amiga",
    "SAYING_SOMETHING_KILLS": "calor frio trabajo curro chamba examen examenes clase clases jefe jefa zapato "
    "zapatos pie pies espalda cabeza rodilla cuello trafico dolor resaca turno hambre sueno lunes semana "
    "dia gym entrenamiento risa suspenso verguenza cancion serie",
    "DEVICE": "pierna piernas pie pies brazo brazos celular movil telefono bateria coche carro auto planta plantas "
    "tele wifi computadora compu portatil impresora motor senal pila foco bombilla cargador",
    "FEELING": "risa ganas gana hambre sed sueno frio calor miedo verguenza pena aburrimiento susto envidia "
    "amor celos cansancio nervios curiosidad dolor ilusion asco emocion tristeza panico",
}

# -- when, and someone else ------------------------------------------------------------------------------

PAST = [
    "hace ~3 ano|anos|decada|decadas|mucho|tiempo|siglo",
    "de ~1 adolescente|chica|chico|nina|nino|pequeno|pequena|joven|chiquita|chiquito|cria|chaval|chavala",
    "cuando ~1 yo ~1 ser|tener|estar ~2 @NUMBER|adolescente|chica|chico|nina|nino|pequeno|pequena|joven|"
    "estudiante|prepa|secundaria|instituto|colegio|uni|universidad",
    "cuando ~1 ser|tener|estar ~2 @NUMBER|adolescente|chica|chico|nina|nino|pequeno|pequena|joven|estudiante",
    "en ~1 el|la|mi ~1 prepa|secundaria|instituto|colegio|uni|universidad|adolescencia|juventud|infancia|"
    "ninez|veinte|veintes|20s|30s|treintas",
    "en ~1 mi|mis ~1 veinte|veintes|treintas|20s|30s|adolescencia|juventud",
    "antes ~1 de ~2 empezar|comenzar|iniciar ~2 terapia|tratamiento|ketamina|sesion|sesiones",
    "antes ~1 de ~1 la ~1 terapia|ketamina",
    "en ~1 el ~1 pasado",
    "ya ~1 pasar $",
    "@YEAR",
    "@NUMBER ~1 ano|anos ~2 sin|limpio|limpia",
    "solia|soler",
    "en ~1 aquel|aquella|esa ~1 epoca|epocas|tiempo",
    "de ~1 joven|adolescente",
    "etapa",
]
RETURNING = [
    "otra ~1 vez",
    "de ~1 nuevo",
    "volver|regresar ~3 ganas|pensamiento|pensamientos|idea|ideas|sentir|sensacion|lo ~1 mismo|oscuro",
    "haber ~1 volver|vuelto|regresar|regresado",
    "volver ~2 a ~1 pensar|sentir|querer|ese|eso",
    "volviendo ~2 a",
    "seguir ~2 ahi|aqui",
    "lo ~1 mismo ~3 otra|ahora|sentir|siento",
    "sentir ~2 lo ~1 mismo",
    "igual|como ~1 que|q ~1 antes",
    "como ~1 antes",
    "ultimamente",
    "estos ~1 dias",
    "ultimo ~1 vez ~3 sentir|sentia|estar|asi",
    "ese ~1 lugar ~1 oscuro",
    "lugar ~1 oscuro",
    "terminar|acabar ~2 lo ~1 que ~1 empezar",
    "proximo ~1 vez",
    "mes ~1 pasado",
    "semana ~1 pasado",
]
RECENT = [
    "anoche",
    "ayer",
    "hoy ~3 otra ~1 vez",
    "hoy ~3 de ~1 nuevo",
    "esta ~1 noche|manana|semana",
    "hace ~1 rato|poco|nada|unos|unas ~1 dia|dias|hora|horas",
    "recien|recientemente",
    "ahora ~1 mismo",
    "mes ~1 pasado",
    "semana ~1 pasado",
]

FICTION = (
    "peli pelicula cine serie capitulo episodio temporada novela libro personaje protagonista escena "
    "cancion album radio teatro poema documental podcast netflix anime comic villano noticia noticias "
    "articulo periodico telenovela videojuego"
)
PREVENTION = (
    "prevencion concienciacion concientizacion sensibilizacion voluntario voluntaria voluntariado curso "
    "taller formacion capacitacion charla folleto folletos campana caminata seminario webinar conferencia "
    "asist safetalk qpr 024 cuestionario encuesta farmacologia toxicologia auxilios"
)

# -- the rules -----------------------------------------------------------------------------------------

RULES: list[tuple[str, str, str]] = [
    # -- deseo de estar muerto (C-SSRS 1) --
    ("wish.want_dead", "passive_wish", "@WANT ~4 @DEAD"),
    ("wish.not_wake", "passive_wish", "@WANT|mejor|ojala ~6 no ~3 despertar"),
    ("wish.sleep_not_wake", "passive_wish", "dormir ~4 no|nunca ~3 despertar"),
    ("wish.never_wake", "passive_wish", "no ~2 despertar ~2 nunca|jamas|mas"),
    ("wish.accident", "passive_wish", "ojala ~6 atropellar|chocar|caer|accidente|enfermedad|cancer|infarto|pasar"),
    ("wish.something_happens", "passive_wish", "ojala ~3 pasar|dar|ocurrir ~1 algo"),
    ("wish.live_or_die", "passive_wish", "igual|importar ~3 vivir|vida ~2 o ~1 morir|muerte"),
    ("wish.not_born", "passive_wish", "no ~2 haber ~1 nacer|nacido"),
    ("wish.why_born", "passive_wish", "para|por ~1 que ~3 nacer|nacido"),
    ("wish.not_mind_dying", "passive_wish", "no ~3 importar ~3 morir|morirme|muerto|desaparecer"),
    ("wish.better_dead", "passive_wish", "mejor ~3 muerto|muerta|morir|desaparecer"),
    ("wish.better_not_exist", "passive_wish", "mejor ~3 no ~1 existir|estar|vivir|despertar"),
    ("wish.better_not_born", "passive_wish", "mejor ~2 no ~1 haber ~1 nacer"),
    ("wish.not_want_live", "passive_wish", "no ~3 querer ~3 vivir|existir|despertar"),
    ("wish.not_want_stay", "passive_wish", "no ~3 querer ~3 seguir ~1 vivo|viva|aqui"),
    ("wish.tired_living", "passive_wish", "cansar|harto|hartar|agotar ~3 de ~2 vivir|existir|despertar|vida"),
    ("wish.stop_existing", "passive_wish", "dejar ~1 de ~1 existir|respirar|vivir"),
    ("wish.disappear_forever", "passive_wish", "desaparecer ~3 para ~1 siempre"),
    ("wish.god_take", "passive_wish", "dios ~4 llevar|recoger ~1 yo"),
    ("wish.take_me", "passive_wish", "yo ~1 llevar ~2 dios|muerte"),
    ("wish.envy_dead", "passive_wish", "envidia|envidiar ~6 muerto|muerta|muertos"),
    ("wish.sleep_forever", "passive_wish", "dormir ~3 para ~1 siempre"),
    ("wish.no_ganas_vivir", "passive_wish", "sin|no ~3 ganas ~2 de ~1 vivir|seguir|existir"),
    ("wish.not_here", "passive_wish", "no ~3 querer ~3 estar ~1 aqui|vivo|viva"),
    ("wish.if_hit", "passive_wish", "si ~3 atropellar|chocar|morir|muera|pasar ~12 no ~3 importar|igual|mejor|alivio"),
    ("wish.if_died", "passive_wish", "si ~2 yo ~2 morir|morirme ~6 mejor|igual|nadie|importar|alivio|bien"),
    ("wish.relief_death", "passive_wish", "muerte ~4 alivio|descanso|paz|liberacion"),
    ("wish.wish_dead", "passive_wish", "ojala ~4 estar ~1 muerto|muerta"),
    ("wish.fade", "passive_wish", "apagar ~1 yo ~2 para ~1 siempre"),
    ("wish.leave_world", "passive_wish", "ir|irme|dejar|marchar|desaparecer ~3 este ~1 mundo"),
    # -- pensamientos suicidas (C-SSRS 2) --
    ("active.killself", "active_thoughts", "@KILLSELF"),
    ("active.kill_me", "active_thoughts", "yo ~0 matar|mate|mates"),
    ("active.want_kill", "active_thoughts", "yo ~1 querer|pensar|ganas|idea ~3 yo ~0 matar"),
    ("active.kill_me_want", "active_thoughts", "yo ~0 querer|poder|ir ~2 matar"),
    ("active.take_life", "active_thoughts", "quitar ~2 el ~1 vida"),
    ("active.end_life", "active_thoughts", "terminar|acabar ~2 con ~1 mi ~1 vida"),
    ("active.end_all", "active_thoughts", "acabar|terminar ~1 con ~1 todo"),
    ("active.out_of_way", "active_thoughts", "yo ~0 quitar ~1 de ~0 en ~0 medio"),
    ("active.out_of_way2", "active_thoughts", "yo ~0 quitar ~1 del ~0 medio"),
    ("active.voice", "active_thoughts", "voz|voces|cabeza|mente ~6 decir ~3 matar|morir|cortar|tirar"),
    ("active.join_dead", "active_thoughts", "querer|ir ~3 con ~1 mi ~1 @DEADKIN ~3 cielo|ya|pronto|alla"),
    ("active.thoughts_death", "active_thoughts", "pensar|pensamiento|idea|ideas ~3 en|de ~2 morir|muerte|matar"),
    ("active.leave_forever", "active_thoughts", "ir|irme ~2 para ~1 siempre"),
    ("active.self_delete", "active_thoughts", "yo ~0 quitar ~0 el ~0 vida"),
    # -- método (C-SSRS 3) --
    ("method.how_many", "method", "cuanto|cuantos|cuantas ~3 @PILLS ~6 hacer|falta|necesitar|matar|morir|despertar"),
    ("method.lethal", "method", "dosis ~1 letal|mortal"),
    ("method.lethal_dose", "method", "letal|mortal ~4 @PILLS"),
    ("method.overdose", "method", "sobredosis"),
    ("method.search", "method", "google|buscar|investigar|internet ~6 letal|indoloro|mortal|morir|matar|suicidar"),
    ("method.means_cue", "method", "@MEANS ~8 @CUE"),
    ("method.cue_means", "method", "@CUE ~8 @MEANS"),
    ("method.think_means", "method", "@THINK ~6 @MEANS"),
    ("method.means_think", "method", "@MEANS ~8 @THINK"),
    ("method.look_down", "method", "@HIGH|asomar ~10 mirar ~2 abajo|vacio|vaciar|caida"),
    ("method.lean_out", "method", "asomar ~3 balcon|ventana|puente|azotea|cornisa|borde ~12 saltar|caer|pensar|tirar"),
    ("method.high", "method", "@HIGH ~8 @THINK|saltar|tirar|lanzar|caer|asomar|borde|altura"),
    (
        "method.jump",
        "method",
        "saltar|tirar|lanzar|aventar|arrojar ~4 puente|via|vias|balcon|ventana|azotea|"
        "tren|metro|edificio|precipicio|acantilado|camion|coche|carro|auto|trafico|piso",
    ),
    ("method.throw_self", "method", "yo ~0 tirar|lanzar|aventar|arrojar"),
    ("method.hang", "method", "yo ~0 colgar|ahorcar"),
    ("method.hang2", "method", "colgar|ahorcar ~1 yo"),
    ("method.ligature", "method", "@LIGATURE ~10 viga|cuello|techo|ventilador|colgar|ahorcar|peso|nudo|aguantar"),
    ("method.anchor", "method", "viga|ventilador|barandal|arbol|rama ~10 @LIGATURE"),
    ("method.wrists", "method", "cortar|rajar|abrir ~3 vena|venas|muneca|munecas|garganta|cuello"),
    ("method.collect", "method", "juntar|guardar|acumular|esconder|ahorrar|contar|coleccionar ~4 @PILLS"),
    ("method.hidden", "method", "@PILLS ~4 esconder|guardado|acumular|juntar|ahorrar"),
    ("method.take_all", "method", "tomar|tomo|tragar|beber ~4 todo ~3 @PILLS"),
    ("method.pills_alcohol", "method", "@PILLS ~6 con|y ~3 vino|alcohol|cerveza|whisky|vodka|tequila|ron|pisco"),
    ("method.gun", "method", "arma|pistola|escopeta|revolver ~8 @THINK|cabeza|usar|disparar|yo"),
    ("method.shoot", "method", "pegar|dar|disparar ~1 yo ~2 un ~1 tiro"),
    ("method.drown", "method", "yo ~0 ahogar"),
    (
        "method.crash",
        "method",
        "estrellar|chocar|lanzar|meter ~4 coche|carro|auto|moto ~4 contra|camion|arbol|muro|pared|trafico",
    ),
    ("method.walk_sea", "method", "meter|entrar|caminar ~3 mar|rio|lago ~4 no ~1 salir|volver"),
    ("method.how_to", "method", "como ~3 hacer ~2 sin ~1 dolor"),
    ("method.ways", "method", "forma|formas|manera|maneras ~3 de ~1 morir|matar|suicidar|yo"),
    ("method.calling", "method", "puente|via|vias|cuchilla|pastilla|pastillas|soga|balcon ~4 llamar ~1 yo"),
    ("method.accident", "method", "parecer ~1 un ~1 accidente"),
    ("method.stare", "method", "mirar|quedar|fijar ~4 el ~1 @MEANS ~10 pensar|saltar|tirar|caer|largo|rato"),
    # -- intención (C-SSRS 4) --
    ("intent.tonight_do", "intent", "@FUTURE ~4 lo ~1 hacer"),
    ("intent.future_do", "intent", "@FUTURE ~4 yo ~0 matar|suicidar|tirar|colgar|ahorcar"),
    ("intent.future_leave", "intent", "@FUTURE ~4 yo ~0 yo ~0 ir $"),
    ("intent.the_day", "intent", "@FUTURE ~2 ser ~1 el ~1 dia|noche ~0 !de|del|que|_"),
    ("intent.not_go_on", "intent", "no ~2 ir ~1 a ~1 seguir ~0 $"),
    ("intent.going_to_do", "intent", "lo ~2 ir ~1 a ~1 hacer"),
    ("intent.going_to_do2", "intent", "ir ~1 a ~1 lo ~0 hacer"),
    ("intent.decided", "intent", "ya ~2 lo ~2 decidir|decidido"),
    ("intent.decided2", "intent", "estar ~1 decidido|decidida|decidir $"),
    ("intent.decision", "intent", "tomar ~2 el ~1 decision"),
    ("intent.last_entry", "intent", "ultimar|ultimo ~1 entrada|mensaje|pagina"),
    ("intent.this_last", "intent", "este|esta ~1 ser ~1 mi ~1 ultimar|ultimo"),
    ("intent.not_here", "intent", "no ~3 ir ~1 a ~1 estar ~3 aqui|mas|manana|vivo|viva|para"),
    ("intent.not_see", "intent", "no ~3 volver ~1 a ~1 ver|saber|oir"),
    ("intent.no_turning_back", "intent", "no ~2 haber ~2 vuelta ~1 atras"),
    ("intent.no_next", "intent", "no ~3 haber ~2 proxima|proximo ~1 sesion|semana|vez|cita"),
    ("intent.ends_tonight", "intent", "@FUTURE ~3 acabar|terminar ~1 todo"),
    ("intent.gone_tonight", "intent", "@FUTURE ~4 ir ~2 para ~1 siempre"),
    ("intent.ends_all", "intent", "se ~1 acabar|terminar ~1 todo"),
    ("intent.leave_forever", "intent", "yo ~2 ir ~2 para ~1 siempre"),
    ("intent.not_scared", "intent", "ya ~2 no ~2 tener ~1 miedo ~3 morir|muerte|hacer"),
    ("intent.calm_decided", "intent", "tranquilo|tranquila|paz ~6 decidir|decision"),
    ("intent.stupid", "intent", "hacer ~2 una ~1 locura|tonteria ~0 $"),
    ("intent.goodbye_forever", "intent", "adios ~2 para ~1 siempre"),
    ("intent.act", "intent", "ir ~1 a ~1 yo ~0 matar|suicidar|tirar|colgar|ahorcar"),
    # -- plan y preparación (C-SSRS 5) --
    ("plan.goodbye_letter", "plan_preparation", "carta|cartas|nota|notas|mensaje|video|audio ~2 de ~1 despedida|adios"),
    (
        "plan.write_goodbye",
        "plan_preparation",
        "escribir|dejar|grabar|mandar|programar|redactar ~4 @GOODBYE ~4 "
        "despedida|despedir|adios|todos|cada|familia|amigo|amigos",
    ),
    ("plan.say_goodbye", "plan_preparation", "yo ~0 despedir|despidiendo"),
    (
        "plan.give_away",
        "plan_preparation",
        "regalar|repartir|donar|dar ~4 mi|mis ~2 cosa|cosas|guitarra|libro|libros|"
        "ropa|coleccion|pertenencia|pertenencias|mascota|gato|perro|discos",
    ),
    ("plan.wont_need", "plan_preparation", "no ~2 lo|los|las|la ~1 ir ~1 a ~1 necesitar"),
    ("plan.will", "plan_preparation", "hacer|escribir|actualizar|firmar|dejar ~2 testamento"),
    ("plan.in_order", "plan_preparation", "dejar ~2 todo ~1 arreglado|arreglar|listo|ordenado|ordenar"),
    ("plan.in_order2", "plan_preparation", "dejar ~2 todo ~1 en ~1 orden"),
    ("plan.affairs", "plan_preparation", "asuntos|papeles|cuentas ~2 en ~1 orden"),
    (
        "plan.bought",
        "plan_preparation",
        "comprar|conseguir|pedir|compre ~4 soga|cuerda|cuchilla|cuchillas|carbon|arma|"
        "pistola|veneno|raticida|navaja|gillette",
    ),
    (
        "plan.day_place",
        "plan_preparation",
        "ya ~2 elegir|escoger|decidir|tener|fijar ~3 el ~1 dia|lugar|fecha|sitio|momento",
    ),
    (
        "plan.day_and_place",
        "plan_preparation",
        "elegir|escoger|decidir|fijar ~3 el ~1 dia|fecha ~2 y ~2 el ~1 lugar|hora|sitio",
    ),
    (
        "plan.passwords",
        "plan_preparation",
        "dejar|anotar|escribir|pasar|dar|apuntar ~6 contrasena|contrasenas|clave|claves|pin",
    ),
    (
        "plan.pets",
        "plan_preparation",
        "quien ~3 quedar|cuidar ~3 mi ~1 gato|gatos|perro|perros|hijo|hijos|mascota|mascotas|planta|plantas",
    ),
    ("plan.when_gone", "plan_preparation", "cuando ~2 yo ~1 no ~1 estar|este"),
    ("plan.in_case_gone", "plan_preparation", "por ~1 si ~2 no ~2 estar|este ~0 !en|de|aqui|alli|ahi|bien|_"),
    ("plan.if_anything", "plan_preparation", "si ~1 yo ~1 pasar ~1 algo"),
    (
        "plan.keep_pet",
        "plan_preparation",
        "quedar|cuidar ~2 con|a ~1 el|mi ~1 gato|gatos|perro|perros|mascota|mascotas|hijos ~6 si|cuando|por",
    ),
    (
        "plan.letters_for",
        "plan_preparation",
        "escribir|dejar|grabar|redactar|programar ~4 @GOODBYE ~6 para|a ~3 "
        "@DEADKIN|familia|todos|cada|amigos|amigas|hijos|pareja|novio|novia",
    ),
    ("plan.when_gone2", "plan_preparation", "cuando ~1 ya ~1 no ~1 estar|este"),
    (
        "plan.delete",
        "plan_preparation",
        "borrar|eliminar ~4 foto|fotos|cuenta|cuentas|perfil|perfiles|historial|todo ~6 para|antes|nadie",
    ),
    ("plan.debts", "plan_preparation", "pagar|cancelar|saldar ~4 deuda|deudas|tarjeta|suscripcion ~6 para|antes|nadie"),
    ("plan.find_body", "plan_preparation", "encontrar ~2 mi ~1 cuerpo"),
    ("plan.who_finds", "plan_preparation", "quien ~2 yo ~0 encontrar"),
    ("plan.funeral", "plan_preparation", "funeral|entierro|velorio ~4 cancion|canciones|musica|flores|querer|plan"),
    ("plan.insurance", "plan_preparation", "seguro ~1 de ~1 vida ~8 pagar|cobrar|suicidio|cubrir"),
    (
        "plan.cancel_therapy",
        "plan_preparation",
        "cancelar ~3 sesion|sesiones|terapia|cita ~6 no ~2 necesitar|sentido|para|que",
    ),
    ("plan.in_case", "plan_preparation", "contrasena|contrasenas|perro|gato|hijos ~8 por ~1 si ~1 acaso"),
    ("plan.practice", "plan_preparation", "ensayar|probar ~4 nudo|soga|cuerda|cinturon|aguantar"),
    # -- autolesión reciente (C-SSRS conducta) --
    ("harm.self", "self_harm", "yo ~0 @HARM"),
    ("harm.self_was", "self_harm", "yo ~0 yo ~0 estar ~0 @HARM"),
    ("harm.again", "self_harm", "volver ~1 a ~2 @HARM|autolesionar"),
    ("harm.made_cuts", "self_harm", "yo ~2 hacer ~2 corte|cortes|herida|heridas|quemadura|quemaduras"),
    ("harm.body_cuts", "self_harm", "corte|cortes|herida|heridas|quemadura|quemaduras ~3 en ~1 el|mi ~1 @BODY"),
    ("harm.body", "self_harm", "@HARM ~5 el|mi ~1 @BODY"),
    ("harm.again_cuts", "self_harm", "volver ~1 a ~2 hacer ~2 corte|cortes|herida|heridas|quemadura|dano"),
    ("harm.do_damage", "self_harm", "yo ~2 hacer ~1 dano ~0 !a|al"),
    ("harm.on_purpose", "self_harm", "@HARM|dano|golpe ~6 a ~1 proposito"),
    (
        "harm.new_cuts",
        "self_harm",
        "corte|cortes|herida|heridas|quemadura|quemaduras|marca|marcas ~3 nuevo|nueva|fresco|fresca|profundo|profunda",
    ),
    ("harm.new_cuts2", "self_harm", "nuevo|fresco|profundo ~1 corte|cortes|herida|heridas|quemadura|quemaduras"),
    (
        "harm.hide",
        "self_harm",
        "tapar|esconder|ocultar|cubrir|manga ~8 corte|cortes|marca|marcas|herida|heridas|"
        "cicatriz|cicatrizar|quemadura|quemaduras",
    ),
    ("harm.selfharm", "self_harm", "autolesion|autolesiones|autolesionar|cutting"),
    ("harm.blood", "self_harm", "hasta ~3 sangrar|sangre|sangrando|moreton|moretones"),
    ("harm.cigarette", "self_harm", "quemar ~4 cigarro|cigarrillo|encendedor|mechero|cerillo"),
    ("harm.wall", "self_harm", "pegar|golpear|punetazo|punetazos|golpe ~3 a|contra ~1 el ~1 pared|muro|puerta|espejo"),
    ("harm.head", "self_harm", "golpear|pegar ~2 el ~1 cabeza ~2 contra"),
    ("harm.urge", "self_harm", "ganas|impulso|necesidad ~2 de ~2 cortar|autolesionar|lastimar|quemar"),
    ("harm.relapse", "self_harm", "recaer|recai|recaida ~6 autolesion|cortar|corte|cortes|limpio|limpia|meses|dias"),
    ("harm.punish", "self_harm", "castigar ~1 mi ~1 cuerpo"),
    ("harm.punish2", "self_harm", "yo ~0 castigar"),
    ("harm.not_eat", "self_harm", "no ~1 merecer ~1 comer"),
    ("harm.purge", "self_harm", "vomitar|purgar ~3 a ~1 proposito|otra ~1 vez|castigo"),
    ("harm.scratch", "self_harm", "rascar|aranar ~4 hasta ~2 sangrar|sangre|carne"),
    ("harm.bite", "self_harm", "morder ~2 hasta ~2 sangrar|sangre"),
    # -- intentos (C-SSRS conducta): urgentes si recientes o si vuelve el sentimiento --
    (
        "attempt.tried",
        "attempt",
        "intentar|intente ~3 suicidar|matar|quitar|morir|ahorcar|colgar|tirar|envenenar|suicidio",
    ),
    ("attempt.noun", "attempt", "intento ~2 de ~1 suicidio"),
    ("attempt.my_attempt", "attempt", "mi|un|el|ultimo|primer|segundo|tercer ~1 intento ~0 !de|_"),
    ("attempt.after_attempt", "attempt", "despues|antes|desde ~2 mi|el ~1 intento"),
    ("attempt.tried_once", "attempt", "ya ~2 lo ~1 intentar|intente"),
    ("attempt.tried_before", "attempt", "lo ~1 intentar|intente ~2 una ~1 vez|antes"),
    ("attempt.hospital", "attempt", "urgencias|hospital|uci|lavado ~8 sobredosis|pastilla|pastillas|intento"),
    ("attempt.overdosed", "attempt", "tener|tuve|hacer|terminar ~3 sobredosis"),
    ("attempt.washed", "attempt", "lavado ~1 de ~1 estomago"),
    ("attempt.survived", "attempt", "sobrevivir ~3 sobredosis|intento|caida|puente"),
    ("attempt.took_box", "attempt", "tomar|tomo|tragar|tome ~3 bote|caja|frasco|blister|todo ~3 @PILLS"),
    ("attempt.pills_to_die", "attempt", "tomar|tome|tomo|tragar ~4 @PILLS ~4 para ~2 morir|matar|suicidar"),
    ("attempt.pills_not_wake", "attempt", "tomar|tome|tomo|tragar ~4 @PILLS ~4 para ~2 no ~1 despertar"),
    ("attempt.finish", "attempt", "terminar|acabar ~2 lo ~1 que ~1 empezar"),
    ("attempt.wanted_throw", "attempt", "yo ~1 querer ~1 tirar|matar ~3 puente|via|vias|balcon|ventana|edificio"),
    # -- señales suaves --
    ("soft.hopeless", "soft_hopeless", "desesperanza|desesperanzado|desesperanzada"),
    ("soft.no_hope", "soft_hopeless", "sin|no ~2 esperanza|esperanzas|futuro"),
    ("soft.never_better", "soft_hopeless", "nada|nunca ~4 ir|va ~1 a ~1 mejorar|cambiar"),
    ("soft.never_better2", "soft_hopeless", "nunca|jamas ~3 mejorar|cambiar"),
    ("soft.no_future", "soft_hopeless", "no ~2 ver|tener|haber ~2 futuro"),
    ("soft.useless", "soft_hopeless", "todo ~2 ser ~1 inutil"),
    ("soft.burden", "soft_burden", "ser|sentir ~2 una|un ~1 carga|estorbo|molestia|lastre|peso"),
    ("soft.useless_me", "soft_burden", "no ~1 servir ~2 para ~1 nada"),
    ("soft.worthless", "soft_burden", "no ~1 valer ~1 nada"),
    ("soft.burden2", "soft_burden", "carga|estorbo|lastre|peso ~3 para ~2 todos|familia|demas|nadie|mi|el"),
    ("soft.better_without", "soft_burden", "mejor|feliz|felices|tranquilo|tranquilos ~3 sin ~1 mi"),
    ("soft.bother", "soft_burden", "molestar|molesto ~2 a ~1 el ~1 demas|todo"),
    ("soft.nobody_miss", "soft_burden", "nadie ~3 extranar|notar|importar"),
    ("soft.ruin", "soft_burden", "arruinar|joder|estropear ~1 todo"),
    ("soft.trapped", "soft_trapped", "atrapar|atrapado|atrapada|encerrado|encerrada|acorralado|acorralada"),
    ("soft.no_way_out", "soft_trapped", "no ~2 ver|haber|tener|encontrar ~2 salida"),
    ("soft.no_exit", "soft_trapped", "sin ~1 salida"),
    ("soft.no_sense", "soft_pointless", "no ~3 ver|tener|encontrar|encuentro ~2 sentido"),
    ("soft.nothing_sense", "soft_pointless", "nada ~2 tener ~1 sentido"),
    ("soft.no_sense2", "soft_pointless", "sin ~1 sentido"),
    ("soft.what_for", "soft_pointless", "para ~1 que ~2 seguir|vivir|levantar|intentar|luchar"),
    ("soft.not_worth", "soft_pointless", "no|nada ~3 valer ~2 el ~1 pena"),
    ("soft.nothing_matters", "soft_pointless", "nada ~2 importar"),
    ("soft.all_same", "soft_pointless", "todo ~2 dar ~1 igual"),
    ("soft.cant_more", "soft_stop", "no ~1 poder ~1 mas"),
    ("soft.cant_bear", "soft_stop", "no ~1 aguantar|soportar ~2 mas"),
    ("soft.cant_go_on", "soft_stop", "no ~2 poder ~1 seguir"),
    ("soft.make_stop", "soft_stop", "querer|necesitar ~4 que ~2 parar|acabar|terminar|callar ~2 todo|esto|dolor|ruido"),
    ("soft.give_up", "soft_stop", "yo ~0 rendir"),
    ("soft.exhausted_life", "soft_exhausted", "cansar|harto|hartar|agotar ~3 de ~2 vivir|vida|existir"),
    (
        "soft.exhausted",
        "soft_exhausted",
        "cansar|harto|hartar|agotar ~3 de ~2 luchar|existir|intentar|todo !el|lo|este|ese|esto|mi|tu|su|trabajo|_",
    ),
    ("soft.no_strength", "soft_exhausted", "no ~2 quedar ~2 fuerza"),
    ("soft.no_strength2", "soft_exhausted", "sin ~1 fuerza"),
]

# -- shields: idioms, the dosing experience, medicine and daily life -------------------------------------

SHIELDS = [
    # idioms of dying and killing
    "morir|muerto|muerta|matar|mata|matan ~3 de|del ~1 @FEELING",
    "morir ~1 por ~2 ver|ir|saber|probar|conocer|verte|ser",
    "matar ~1 el ~1 tiempo|hambre|rato|aburrimiento|gusanillo",
    "@SAYING_SOMETHING_KILLS ~4 yo ~1 matar|mata|matan|matando",
    "yo ~2 va|van|iba|iban|vaya|vayan ~1 a ~1 matar|morir",
    "va|van|iba|iban ~1 a ~1 yo ~0 matar",
    "esta|estan ~1 matar|matando",
    "@DEVICE ~2 se ~2 murio|morir",
    "@DEVICE ~2 murio|muerto|muerta|muertos|muertas",
    "murio|morir ~2 el|mi ~1 @DEVICE",
    "yo ~0 matar|mate|mato|morir ~6 ser ~1 broma|chiste|cona|joda",
    "yo ~0 matar|mate|mato|morir ~6 bromear|bromeando",
    "casi|medio ~1 yo ~1 morir",
    "mision|escuadron|squad|operacion|dieta ~1 suicida",
    "suicidio ~1 social|politico|profesional|comercial|economico|academico",
    "suicidio|autolesion|autolesiones|suicida ~2 prevencion|riesgo|tasa|tasas|estadistica|investigacion|"
    "intervencion|duelo",
    "prevencion|riesgo|tasa|tasas|linea|tema|charla|curso|taller|dia|mundial ~3 suicidio|autolesiones|suicida",
    "ni ~1 muerto|muerta",
    "muerto|muerta ~2 de ~1 verdad ~0 !_",
    # the dosing experience itself
    "ego ~3 morir|muerte|desvanecer|disolver|disolucion",
    "muerte ~2 del ~1 ego",
    "morir|moria|muerte ~4 renacer|nacer|renacimiento",
    "como ~1 si ~4 morir|moria|muerto|muerta|disolver|derretir|desaparecer|existir|flotar",
    "sentir ~3 que ~2 yo ~1 morir|moria|desaparecer|disolver",
    "mi ~1 propio ~1 funeral|muerte|entierro",
    "ser|salir|fuera ~3 de ~1 mi ~1 cuerpo",
    "khole",
    "sensacion ~3 de ~2 estar ~1 muerto|muerta|morir",
    "no ~1 existir ~4 miedo|bonito|tranquilo|paz|hermoso|precioso|liberador",
    # medicine and daily life
    "subir|bajar|ajustar|aumentar|cambiar ~3 dosis",
    "dosis ~4 ketamina|esketamina|mg|miligramos",
    "@PILLS ~4 farmacia|pastillero|mes|dia|migrana|fiebre|gripe|resfriado|regla|alergia|dolor",
    "pastillero",
    "recoger|comprar|ir ~4 @PILLS ~6 farmacia",
    "@PILLS ~4 bajo ~1 llave",
    "guardar|tener ~4 @PILLS ~4 llave|candado|botiquin|armario|cajon|alcance",
    "caja ~1 fuerte",
    "llave|candado ~4 @PILLS|medicamento",
    "sacar ~1 sangre",
    "analisis ~2 sangre",
    "sobredosis ~2 de ~1 cafe|azucar|chocolate|cafeina|series|trabajo|netflix|memes",
    "cortar|corte ~3 pelo|cabello|pasto|cesped|cebolla|verdura|verduras|pan|una|unas|flequillo|fleco|barba|tela|"
    "papel|luz|agua|rollo|relacion|contacto|dedo|puntas",
    "corte ~1 con ~2 novio|novia|pareja|ex|chico|chica",
    "quemar|queme ~4 horno|plancha|sarten|aceite|estufa|olla|cafe|sol|vitro|comida|arroz|tostada|pan|lengua|te",
    "rascar|rasque ~4 picadura|mosquito|roncha|alergia|comezon|ortiga",
    "pegar ~2 el ~1 sol",
    "yo ~1 pegar ~3 con ~2 mesa|puerta|esquina|mueble",
    "carta|cartas|nota|tarjeta|mensaje ~6 cumple|cumpleanos|navidad|boda|aniversario|agradecimiento|gracias",
    "despedir ~8 trabajo|companeros|companero|oficina|aeropuerto|estacion|vacaciones|viaje|mudanza|fiesta|clase|equipo",
    "despedir ~8 ultimo ~1 dia",
    "mudar|mudanza|mude|viaje|viajar|vacaciones|visita|invitados ~10 dejar ~2 todo",
    "dejar ~2 todo ~1 ordenado|arreglado|listo ~8 mudar|mudanza|viaje|vacaciones|visita|invitados|fiesta|irme",
    "atrapar|atrapado|atrapada ~3 trafico|atasco|ascensor|tormenta|nieve|aeropuerto|metro|lluvia|cola",
    "mientras|durante ~3 viaje|viajo|vacaciones|fuera|hospital|operacion|cirugia|trabajo",
    "lastimar|lastime|golpear|golpee|pegar|pegue|quemar|queme|cortar|corte|rascar ~6 jugar|jugando|futbol|caer|caida|"
    "cai|tropezar|tropece|accidente|partido|gym|entrenar|entrenando|cocinar|cocinando|querer|resbalar",
    "caer|cai|tropezar|tropece|resbalar ~6 lastimar|lastime|golpear|golpee|pegar|pegue|cortar|corte|rascar",
    "pinchar ~4 vacuna|inyeccion|aguja|insulina|analisis|dedo|glucosa",
    "morder ~3 lengua|labio|labios|una|unas|mejilla",
    "elegir|escoger|fijar ~6 boda|fiesta|cumple|cumpleanos|viaje|mudanza|cita|examen|entrevista|operacion|cirugia|"
    "vacaciones",
    "plan ~2 de ~1 seguridad",
    "preguntar ~6 si ~4 suicidar|matar|morir|pensar|hacer ~1 dano|autolesion",
    "tirar ~2 el ~1 basura|toalla|casa ~1 por ~1 el ~1 ventana",
    "tirar ~0 yo ~0 a ~1 el ~1 piscina|agua|mar|cama|sofa|suelo",
    "intento ~1 de ~1 pastel|receta|chiste|broma",
]

# -- the words the weighing reads (lemmas) -----------------------------------------------------------------

# After these a new clause begins, when looking back for who a match is about ("y", "pero").
REPORTING = frozenset({"y", "pero", "aunque", "porque"})
# A negation does not reach across these: "no quiero que nadie sepa que me corto" (que opens a clause).
CLAUSE = frozenset({"y", "pero", "porque", "aunque", "entonces", "mientras", "que", "o", "luego", "despues", "con"})
# A negation reaches across these without using up its window: "no tengo ningun plan de matarme".
TRANSPARENT = frozenset(
    {
        "yo",
        "ninguno",
        "alguno",
        "idea",
        "pensamiento",
        "gana",
        "plan",
        "intencion",
        "de",
        "en",
        "real",
        "serio",
        "tener",
        "ya",
        "el",
        "mas",
        "mucho",
    }
)
POSSESSIVE = frozenset({"mi", "nuestro"})
# Someone else as the doer of a preparation just after ("ella escribe cartas"); "el" is also the article.
SUBJECTS = frozenset({"ella", "ellas", "ellos", "nosotros", "nosotras", "tu"})  # "usted" and "ustedes" are "tu"
PREPOSITIONS = frozenset({"a", "para", "con", "de", "por", "en", "sobre", "sin", "contra", "hacia", "desde", "que"})
DOER_ADVERBS = frozenset({"ya", "tambien", "solo", "siempre", "incluso", "hasta", "todavia", "le", "les", "se"})
