"""German: what the risk engine (``journal.safety.risk``) listens for when a patient writes in German. Data only.

Categories follow the ladder of the Columbia Suicide Severity Rating Scale screener (C-SSRS, Posner et al.,
Am J Psychiatry 2011), in the German version the Columbia Lighthouse Project publishes ("Columbia-Suicide
Severity Rating Scale, Screener", Deutsch): Todeswunsch (wish to be dead), aktive Suizidgedanken (active
thoughts), Methode, Absicht (intent), Plan und Vorbereitung, Selbstverletzung and earlier suicidal behaviour.
The soft signals (Hoffnungslosigkeit, sich als Last fühlen, Ausweglosigkeit, Sinnlosigkeit, wanting it all to
stop, exhaustion) are the groups of the English lexicon (``en.py``: the interpersonal theory's burdensomeness and
the entrapment literature, as Gaur et al. 2019, Low et al. 2020 and Bloom & Treves 2025 group them). Only the
categories were taken from those sources: no phrase was copied from any lexicon or instrument; the words here were
written for how people write German in a journal or a text message.

German needs more than English in four places, all handled here as data:

- **Umlauts typed as digraphs.** The text is folded ("müde" is "mude"), and ``normalize`` folds "muede" the same
  way (ae, oe, ue to a, o, u; not in "neue", "Feuer", "Mauer", "Quelle", "aktuell").
- **Compounds.** German writes "Suizidgedanken", "Selbstmordversuch", "Schlaftabletten", "Abschiedsbrief" as one
  word. ``normalize`` reads the compounds that matter as one canonical word ("suizidgedanke", "suizidversuch",
  "tabletten", "abschiedsbrief"), and the prevention compounds ("Suizidprävention", "Suizidrate") as
  "suizidpravention", which is a context word, not a risk.
- **Separable verbs.** "umbringen" is also "bring mich um", "aufzuhängen" is "aufhängen": the rules name both
  halves and fill the gap between them with particles only (``@FILL``), ``normalize`` takes the "zu" out of a
  separable infinitive, and ``JOINS`` moves a negation that stands inside the verb in front of it ("ich bring
  mich nicht um" reads "nicht umbringen": negated, not urgent).
- **Verb second and reflexives.** The negation often stands after the verb ("ich will nicht mehr leben"): rules
  that carry their own negation start with it or hold it inside. "mich" and "mir" are kept apart from "ich"
  (``LITERAL``), so "hab mich geschnitten" is the writer's body and "ich hab Brot geschnitten" is not.

A rule is a pattern over lemmas: slots separated by spaces, alternatives by ``|``, ``@NAME`` for a word set,
``~N`` for up to N other words between two slots (``journal/safety/lexicons/__init__.py`` lists the rest).
"""

from __future__ import annotations

import re

VERSION = 1
LEMMA_LANG = "de"  # simplemma's dictionary
# People type "brucke" and "bruecke" as often as "Brücke": a word the dictionary does not know as written is
# looked up with an umlaut put back (the lemma found is folded).
ACCENTS = {"a": "ä", "o": "ö", "u": "ü"}
# German words English must not read in a German text (English would hear "die", "will", "gift", "arm", "last").
FALSE_FRIENDS = (
    "die will man also hat war bin gift kind arm hand see tot note dose hose rock brief fan art bald last fast so "
    "plan wand rat mist"
)

# -- reading the words ------------------------------------------------------------------------------------

# Umlauts typed as digraphs, folded as the umlauts themselves are: "muede" is "mude" as "müde" is. Not after a
# vowel or q ("neue", "Feuer", "Mauer", "Quelle"), nor "ue" in "-tuell", "-nuell" ("aktuell", "manuell").
_DIGRAPH = re.compile(r"(?<![aeiouq])(?:ae|oe)|(?<![aeiouq])ue(?!ll)|(?<![aeiouqtnxvd])ue(?=ll)")

# Compounds: the parts that make a word a risk word, and what the whole word is read as.
_SUICIDE = re.compile(r"^(?:sui?zi?d|suizied|selbs?t?mor[dt]|freitod|selbsttotung)(?:es|s)?")  # and common slips
_SUICIDE_CONTEXT = re.compile(
    r"pravention|prophylaxe|vorbeugung|forschung|statistik|rate|zahl|hilfe|seelsorge|telefon|hotline|kurs|"
    r"schulung|aufklarung|awareness|tag|attentat|anschlag|kommando|bomber|forum"
)
_SUICIDE_THOUGHT = re.compile(r"gedank|fantasi|phantasi|idee|plan|absicht|wunsch|drang|impuls|neigung|gefuhl")
_DEATH_WISH = re.compile(r"^(?:todeswunsch|sterbewunsch|todessehnsucht|todesgedank|sterbegedank|lebensmud)")
_FAREWELL = re.compile(r"^abschieds?(?:brief|nachricht|video|mail|email|schreiben|zeile|wort|notiz|text|sms)")
_SELF_INJURY = re.compile(r"^(?:selbstverletz|selbstschadig)")
_CUT_URGE = re.compile(r"^(?:ritz|schneide)(?:druck|drang|gedank|impuls)")
_MEDICINE_HEADS = ("tabletten", "tablette", "pillen", "pille", "medikamenten", "medikamente", "medikament")
# "aufzuhängen", "umzubringen": the "zu" of the infinitive stands inside a separable verb.
_ZU_INFINITIVE = re.compile(
    r"^(auf|um|an|ab|aus|ein|weg|zuruck|hin|her|runter|rauf|raus|rein|nach|vor|mit|durch|fest|los|dran)zu(\w{2,}n)$"
)
_NOT_MEDICINE = ("vitamin", "magnesium", "eisen", "zink", "calcium", "kalzium", "antibaby", "verhutung", "brause")


def normalize(word: str) -> str:
    """A folded German word as the rules read it: umlauts typed as digraphs folded like umlauts, and the
    compounds that matter read as one canonical word. Idempotent."""
    while "e" in word:
        plain = _DIGRAPH.sub(lambda match: match.group()[0], word)
        if plain == word:
            break
        word = plain
    while infinitive := _ZU_INFINITIVE.match(word):
        word = infinitive.group(1) + infinitive.group(2)
    if len(word) < 9:
        return word
    suicide = _SUICIDE.match(word)
    if suicide:
        rest = word[suicide.end() :]
        if rest.startswith("al") or "gefahr" in rest:
            return "suizidal"
        if _SUICIDE_CONTEXT.search(rest):
            return "suizidpravention"
        if "versuch" in rest:
            return "suizidversuch"
        if _SUICIDE_THOUGHT.search(rest):
            return "suizidgedanke"
        return "suizid"
    if _DEATH_WISH.match(word):
        return "todeswunsch"
    if _FAREWELL.match(word):
        return "abschiedsbrief"
    if _SELF_INJURY.match(word):
        return "selbstverletzung"
    if _CUT_URGE.match(word):
        return "ritzdruck"
    if word.endswith("uberdosis") and word != "uberdosis":
        return "uberdosis"
    for head in _MEDICINE_HEADS:
        if word.endswith(head) and len(word) > len(head) + 3 and not word.startswith(_NOT_MEDICINE):
            return head
    return word


# Spelling people use in texts and journals, rewritten to the words the rules are written in (keys normalized).
SPELLING = {
    # "es" and the article run into the word before
    "habs": "habe es",
    "hatts": "hatte es",
    "wars": "war es",
    "isses": "ist es",
    "ists": "ist es",
    "gehts": "geht es",
    "gings": "ging es",
    "werds": "werde es",
    "wirds": "wird es",
    "machs": "mache es",
    "tus": "tue es",
    "kanns": "kann es",
    "fangts": "fangt es",
    "halts": "halte es",
    "wurds": "wurde es",
    "ne": "eine",
    "nen": "einen",
    "ner": "einer",
    "nem": "einem",
    "n": "ein",
    "nix": "nichts",
    "nich": "nicht",
    "net": "nicht",
    "ned": "nicht",
    "nimmer": "nicht mehr",
    "garnich": "gar nicht",
    "garnicht": "gar nicht",
    "kb": "kein bock",
    "kp": "keine ahnung",
    "grad": "gerade",
    "grade": "gerade",
    "bissl": "bisschen",
    "bissel": "bisschen",
    "iwie": "irgendwie",
    "iwann": "irgendwann",
    "vllt": "vielleicht",
    "u": "und",
    "lol": "",
    "xd": "",
    "omg": "",
    # spoken verb forms
    "wurd": "wurde",
    "mocht": "mochte",
    "konnt": "konnte",
    "musst": "musste",
    "sollt": "sollte",
    "hatt": "hatte",
    "wollt": "wollte",
    "umbring": "umbringe",
    "umgebracht": "umbringen",
    "umbringn": "umbringen",
    "aufgehangt": "aufhangen",
    "erhangt": "erhangen",
    "ritzn": "ritzen",
    # what people abbreviate
    "svv": "selbstverletzung",
    "ssv": "selbstverletzung",
    "klinge": "rasierklinge",
    "tabs": "tabletten",
    "meds": "medikamente",
    "intensiv": "intensivstation",
}
# Pairs written apart that are one word ("selbst mord", "suizid gedanken").
JOINS = {
    "selbst mord": "selbstmord",
    "suizid gedanken": "suizidgedanken",
    "suizid gedanke": "suizidgedanke",
    "selbstmord gedanken": "selbstmordgedanken",
    "suizid versuch": "suizidversuch",
    "selbstmord versuch": "selbstmordversuch",
    "selbst verletzung": "selbstverletzung",
    "selbst verletzen": "selbstverletzen",
    "abschieds brief": "abschiedsbrief",
    "todes wunsch": "todeswunsch",
    "lebens mude": "lebensmude",
    "ego tod": "egotod",
    "um bringen": "umbringen",
    # a negation inside a separable verb is put before it: "ich bring mich nicht um" reads "nicht umbringen"
    "bring mich nicht um": "nicht umbringen",
    "bringe mich nicht um": "nicht umbringen",
    "bring mich nie um": "nie umbringen",
    "bringe mich nie um": "nie umbringen",
    "bring mich schon nicht um": "nicht umbringen",
    "tu mir nichts an": "nichts antun",
    "tue mir nichts an": "nichts antun",
    "tu mir schon nichts an": "nichts antun",
    "nehme mir nicht das leben": "nicht mir das leben nehmen",
    "nehm mir nicht das leben": "nicht mir das leben nehmen",
    # and in front of a verb whose object comes first: "ich ritze mich nicht mehr" reads "nicht mehr ritze mich"
    **{
        f"{verb} {pronoun} {negation}": f"{negation} {verb} {pronoun}"
        for verb in ("ritze", "ritz", "schneide", "schneid", "verletze", "verletz", "verbrenne", "kratze", "tote")
        for pronoun in ("mich", "mir")
        for negation in ("nicht mehr", "nie mehr", "nicht", "nie", "niemals", "kaum noch")
    },
}
# Words read as written. "bringt mich um" is the heat's and "bring mich um" the writer's ("tötet" likewise); the
# reflexive pronouns are kept apart from "ich" ("hab mich geschnitten" is not "ich hab Brot geschnitten").
LITERAL = frozenset({"bringt", "bringst", "totet", "toten", "briefe", "mich", "mir", "dich", "dir", "sich"})
# The core words in which a slip of one letter is forgiven (written folded and normalized).
TYPO_TOLERANT = (
    "suizid suizidal selbstmord umbringen suizidgedanke suizidversuch tabletten uberdosis hoffnungslos "
    "abschiedsbrief geritzt ritzen selbstverletzung sinnlos aufwachen verschwinden existieren ausweglos"
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Inflections the dictionary does not know, taken off to find a lexicon word (compounds, spoken forms).
ENDINGS = ("ungen", "ern", "en", "er", "es", "em", "e", "n", "s", "t")
STEM_ADDS = ("en", "e")
PLURAL_ENDINGS = ("n", "en", "e", "s")

MEDICINES = (
    "tablette tabletten pille pillen medikament medikamente schlaftablette schlaftabletten paracetamol ibuprofen "
    "aspirin novalgin metamizol tramadol tilidin oxycodon codein opioide benzos benzo diazepam valium tavor "
    "lorazepam zopiclon zolpidem sertralin citalopram escitalopram fluoxetin venlafaxin mirtazapin amitriptylin "
    "doxepin quetiapin seroquel olanzapin lithium insulin"
)
LIGATURES = "seil strick gurtel schlinge"

SETS = {
    "SELF": "ich mich mir mein meine meinen meinem meiner",
    "OTHER": "er sie ihn ihm ihr ihre ihren ihrem sich du dich dir dein deine deinen "
    "bruder schwester mama mami mutti mutter papa papi vati vater oma omi opa opi onkel tante cousin cousine "
    "sohn tochter kind kinder freund freundin freunde kumpel bff partner partnerin mann frau ehemann ehefrau "
    "exfreund exfreundin ex kollege kollegin chef chefin patient patientin klient klientin arzt arztin "
    "therapeut therapeutin psychiater psychiaterin nachbar nachbarin jemand leute person figur hauptfigur "
    "charakter protagonist protagonistin typ junge madchen kommissar held heldin sanger sangerin autor autorin",
    "NEG": "nicht nie niemals kein keine keinen keiner keinerlei nichts ohne null niemand weder",
    # after a negation, these do not negate what follows ("nicht sicher ob ich leben will", "nicht gut"); nor do
    # the "kein" phrases that are signals themselves ("keine Hoffnung mehr, ich kann nicht mehr")
    "NEG_EXCEPT": "sicher nur mal aufhoren wissen bock lust ahnung egal schlimm einfach gut besser helfen los raus "
    "hoffnung ausweg weg sinn zukunft kraft perspektive",
    "WANT": "wollen wunschen wunschte wunsch gern gerne liebsten hoffen mochten lieber sehnen sehnsucht beten",
    "THINK": "denken gedacht gedanke gedanken uberlegen vorstellen ausmalen fantasieren traumen idee planen",
    "KILLSELF": "suizid suizidal selbstmord freitod suizidgedanke",
    "PILLS": f"{MEDICINES} packung packungen blister vorrat",
    "HIGH": "brucke hochhaus dach balkon klippe turm bahnsteig parkhaus fenster aussichtsturm staumauer felsen "
    "autobahnbrucke",
    "BODY": "arm arme unterarm unterarme handgelenk handgelenke oberschenkel bein beine bauch haut hufte hand hande "
    "knochel brust schulter gesicht",
    "HARM": "schneiden aufschneiden ritzen aufritzen verbrennen brennen kratzen aufkratzen beissen schlagen verletzen "
    "wehtun",
    "FUTURE": "heute morgen ubermorgen wochenende montag dienstag mittwoch donnerstag freitag samstag sonntag bald "
    "woche nacht abend",
    # the means people name when they think of how (C-SSRS 3); medicines only with a cue (they are everyday)
    "MEANS": f"{LIGATURES} brucke hochhaus klippe parkhaus gleis gleise schiene schienen gegenverkehr "
    "rasierklinge pistole waffe gewehr abgase auspuff gift bahnstrecke bahngleise bahnubergang",
    "LIGATURE": LIGATURES,
    # what turns naming a medicine into thinking of using it
    "CUE": "todlich letal schmerzlos schnellste sicherste uberdosis horten bunkern",
    "KIN": "mama mutter papa vater eltern oma opa schwester bruder kinder kind sohn tochter familie freund "
    "freundin partner partnerin mann frau",
    "BELONGINGS": "gitarre katze hund sachen besitz platten sammlung schmuck haustiere",
    # particles and adverbs that may stand inside a separable verb: "bring mich (doch einfach) um"
    "FILL": "einfach doch heute morgen jetzt bald noch endlich irgendwann dann halt wirklich echt gleich eh "
    "schon wohl mal selbst selber vielleicht sofort direkt",
}

# Sentences that speak of a distant past, and words that bring them back to now.
PAST = [
    "vor ~3 jahr|jahren|jahrzehnt|jahrzehnten|ewigkeiten",
    "vor ~1 langer ~0 zeit",
    "jahr|jahre|jahren|lange ~2 her",
    "seit ~2 jahr|jahren ~4 nicht ~1 mehr|clean|frei|stabil",
    "mit @NUMBER !tablette|tabletten|pille|pillen|mg|milligramm|stuck|prozent|euro",
    "als ~1 ich ~2 @NUMBER|jung|junger|klein|kleiner|jugendlich|teenager|student|studentin|schuler|schulerin",
    "zu ~0 schulzeit|studienzeit|unizeit",
    "mit ~1 anfang|mitte|ende ~0 zwanzig|dreissig|vierzig|zwanzigern|dreissigern",
    "lange ~1 vorbei",
    "wahrend ~1 mein ~1 studium|schulzeit|jugend|ausbildung|pubertat",
    "teenageralter|jugendalter|jugendzeit",
    "als ~1 jung",
    "zuruckschauen|zuruckblicken|zuruckdenken|ruckblickend|zuruckblickend",
    "blicken|schauen|denken ~8 zuruck $",
    "als ~1 kind|teenager|teenie|jugendlicher|jugendliche|schuler|schulerin|student|studentin",
    "in ~1 mein|der ~1 jugend|kindheit|schulzeit|pubertat|teenagerzeit|studienzeit|ausbildung|zwanzigern",
    "damals",
    "fruher",
    "ehemals",
    "@YEAR",
]
RETURNING = [
    "wieder ~2 da|zuruck|hier|hoch|los|so|voll|stark|starker",
    "fangen ~3 wieder ~2 an",
    "anfangen ~2 wieder|erneut",
    "wieder ~2 anfangen|hochkommen|kommen|auftauchen",
    "gedanke|gedanken|gefuhl|drang|impuls|dunkelheit|bild|bilder|stimme|stimmen|es|sie ~3 zuruck",
    "kommen|kehren ~3 zuruck",
    "wieder ~2 denken|gedacht|gedanke|gedanken|drang",
    "denken|gedacht ~3 wieder|erneut",
    "genauso",
    "genau ~1 so|wie|gleich|dasselbe",
    "derselbe|dasselbe|gleich ~1 gefuhl|gedanke|gedanken|leere|drang|stimme|dunkelheit|loch|bild|bilder",
    "wie ~1 damals|vorher|davor",
    "letzte ~1 mal ~4 so ~2 fuhlen|gefuhlt",
    "schon ~1 wieder",
    "schleichen ~3 zuruck|rein|wieder",
]
RECENT = [
    "heute ~0 nacht|morgen|fruh",
    "gestern ~3 wieder|nacht|abend",
    "letzte ~0 nacht|woche",
    "vorhin",
    "diese ~0 woche",
    "heute ~3 wieder",
]

# Context that makes a sentence about something other than the writer, when the words found name no one. Not the
# crisis lines: "called the Telefonseelsorge because of the thoughts" is the writer's own crisis.
FICTION = (
    "film filme serie folge staffel buch roman kapitel szene podcast doku dokumentation lied song songtext album "
    "tatort krimi thriller netflix kino theater gedicht oper anime manga comic hauptfigur romanfigur episode "
    "drehbuch schauspieler schauspielerin bestseller"
)
PREVENTION = (
    "pravention suizidpravention aufklarung ehrenamt ehrenamtlich schulung fortbildung kurs workshop seminar "
    "vortrag flyer kampagne spendenlauf spenden spende welttag asist qpr ersthelfer ersthelferin fragebogen "
    "screening awareness infostand pharmakologie toxikologie vorlesung referat"
)

# (id, category, pattern). Categories as in en.py: passive_wish, active_thoughts, method, intent, plan_preparation,
# self_harm, attempt, and the soft signals soft_hopeless, soft_burden, soft_trapped, soft_pointless, soft_stop,
# soft_exhausted. "mich"/"mir" are the writer as object; "ich" as subject.
RULES: list[tuple[str, str, str]] = [
    # -- Todeswunsch: wish to be dead (C-SSRS 1) --
    ("wish.dead", "passive_wish", "@WANT ~1 tot|sterben"),
    ("wish.dead_me", "passive_wish", "@WANT ~3 ich|mich ~3 tot|sterben|tod"),
    ("wish.dead_just", "passive_wish", "@WANT ~2 einfach|nur|endlich ~2 tot|sterben"),
    ("wish.rather_dead", "passive_wish", "lieber ~2 tot|sterben|gestorben"),
    ("wish.better_dead", "passive_wish", "besser ~2 tot|gestorben ~1 sein"),
    ("wish.not_wake", "passive_wish", "nicht|nie ~0 mehr|wieder ~1 aufwachen"),
    ("wish.not_wake_sep", "passive_wish", "@WANT ~4 wachen ~3 nicht|nie ~2 mehr|wieder ~0 auf"),
    ("wish.not_wake_sep2", "passive_wish", "@WANT ~4 wachen ~3 nicht|nie ~0 auf"),
    ("wish.sleep_forever", "passive_wish", "einschlafen|schlafen ~4 nicht|nie ~2 aufwachen"),
    ("wish.sleep_always", "passive_wish", "fur ~1 immer ~1 schlafen|einschlafen|verschwinden"),
    ("wish.not_there", "passive_wish", "nicht ~1 mehr ~1 da|hier ~1 sein|ware|waren|existieren"),
    ("wish.not_exist", "passive_wish", "nicht ~1 mehr ~1 existieren|leben"),
    ("wish.stop_exist", "passive_wish", "aufhoren ~2 zu ~1 existieren|leben|atmen"),
    ("wish.not_born", "passive_wish", "nie ~3 geboren"),
    ("wish.not_born2", "passive_wish", "@WANT ~4 nicht|nie ~2 geboren"),
    ("wish.away", "passive_wish", "@WANT ~3 weg ~0 sein"),
    ("wish.vanish", "passive_wish", "@WANT ~4 verschwinden|existieren"),
    ("wish.deathwish", "passive_wish", "todeswunsch"),
    ("wish.no_will", "passive_wish", "kein ~0 bock|lust|kraft|wille ~2 mehr ~3 leben|existieren|aufwachen"),
    ("wish.not_worth", "passive_wish", "leben ~4 nicht|kein ~2 wert|lebenswert"),
    ("wish.not_worth2", "passive_wish", "nicht ~1 lebenswert"),
    (
        "wish.if_run_over",
        "passive_wish",
        "wenn ~4 auto|bus|lkw|zug|laster ~4 uberfahren|erwischen ~8 okay|ok|egal|schlimm|gut|froh",
    ),
    ("wish.run_over", "passive_wish", "@WANT|egal ~8 ich|mich ~3 uberfahren|umfahren|erwischen|totfahren"),
    (
        "wish.illness",
        "passive_wish",
        "wenn|hoffentlich ~4 krebs|unfall|krankheit|tumor|herzinfarkt|unheilbar ~10 "
        "erleichtert|erleichterung|willkommen|erlosung|egal",
    ),
    ("wish.if_die_fine", "passive_wish", "wenn ~2 ich ~3 sterben|tot ~6 egal|froh|erleichtert|okay|schlimm"),
    ("wish.egal_if", "passive_wish", "egal ~4 ob|wenn ~4 sterben|tot|leben|aufwachen"),
    ("wish.death_relief", "passive_wish", "tod ~2 ware|werden ~3 erlosung|befreiung|frieden"),
    ("wish.god_take", "passive_wish", "gott|universum|tod ~3 holen|nehmen ~1 mich"),
    ("wish.envy_dead", "passive_wish", "beneiden|neidisch ~6 tot|tote|toten|gestorben"),
    ("wish.why_alive", "passive_wish", "warum|wozu ~3 ich ~2 noch ~2 leben|hier|da"),
    ("wish.why_alive2", "passive_wish", "warum|wozu ~1 leben ~1 ich ~2 noch"),
    ("wish.not_be", "passive_wish", "@WANT ~3 nicht ~1 mehr ~1 sein $"),
    ("wish.not_exist_me", "passive_wish", "wenn ~2 es ~1 mich ~1 nicht ~1 mehr|gabe|geben"),
    ("wish.not_world", "passive_wish", "nicht ~1 mehr ~1 auf ~1 dieser|der ~1 welt"),
    ("wish.rather_not", "passive_wish", "lieber ~2 nicht ~1 da|hier|existieren|leben"),
    ("wish.accident_me", "passive_wish", "@WANT ~4 ein ~0 unfall|krebs|herzinfarkt|schlaganfall"),
    ("wish.heart_stop", "passive_wish", "@WANT ~6 herz ~4 aufhoren|stillstehen|stehenbleiben|stehen"),
    ("wish.no_objection", "passive_wish", "nichts ~1 dagegen ~4 sterben|tot|vorbei"),
    ("wish.fine_if_over", "passive_wish", "recht|lieb ~4 wenn ~4 vorbei|tot|sterben|gestorben"),
    (
        "wish.comforting",
        "passive_wish",
        "gedanke ~3 tot|sterben|tod ~6 trostlich|beruhigend|schon|angenehm|erleichternd|beruhigen|trosten",
    ),
    ("wish.easier_gone", "passive_wish", "einfach|einfacher|leichter|besser ~4 wenn ~3 ich ~3 weg|tot|gestorben"),
    ("wish.easier_gone2", "passive_wish", "einfacher|leichter|besser ~4 wenn ~3 ich ~3 nicht ~1 mehr"),
    # -- aktive Suizidgedanken (C-SSRS 2) --
    ("active.killself", "active_thoughts", "@KILLSELF"),
    ("active.umbringen", "active_thoughts", "umbringen"),
    ("active.bring_um", "active_thoughts", "bringen ~1 mich ~0 um"),
    ("active.bring_fill_um", "active_thoughts", "bringen ~1 mich ~0 @FILL ~0 um"),
    ("active.bring_fill2_um", "active_thoughts", "bringen ~1 mich ~0 @FILL ~0 @FILL ~0 um"),
    ("active.take_life", "active_thoughts", "mir ~0 das ~0 leben ~0 zu ~0 nehmen"),
    ("active.take_life2", "active_thoughts", "mir ~0 das ~0 leben ~0 nehmen"),
    ("active.take_life3", "active_thoughts", "nehmen ~1 mir ~0 das ~0 leben"),
    ("active.end_life", "active_thoughts", "mein ~0 leben ~2 beenden|wegwerfen"),
    ("active.end_all", "active_thoughts", "allem|ganzen|leben ~1 ein ~0 ende ~2 setzen|machen|bereiten"),
    ("active.schluss", "active_thoughts", "mit ~1 allem|leben ~2 schluss ~0 machen"),
    ("active.schluss2", "active_thoughts", "machen ~2 schluss ~1 mit ~1 allem|leben"),
    ("active.end_it", "active_thoughts", "@WANT|@THINK ~3 es|alles ~1 beenden"),
    ("active.kill_me", "active_thoughts", "mich ~1 selbst|selber ~1 toten|umbringen|erschiessen|vergiften"),
    ("active.toten", "active_thoughts", "mich ~2 toten"),
    ("active.toten2", "active_thoughts", "toten ~1 mich"),
    ("active.shoot", "method", "mich ~1 erschiessen|vergiften|erhangen"),
    ("active.shoot2", "method", "erschiessen|vergiften|ertranken ~1 mich"),
    ("active.do_something", "self_harm", "mir ~0 etwas|was ~0 antun"),
    ("active.do_something2", "self_harm", "antun"),
    ("active.do_something3", "self_harm", "tun ~1 mir ~0 etwas|was ~1 an"),
    (
        "active.voice",
        "active_thoughts",
        "kopf|stimme|stimmen|gedanke ~6 sagen|flustern|befehlen ~4 umbringen|toten|ritzen|bringen|springen",
    ),
    ("active.thoughts_death", "active_thoughts", "gedanke|gedanken ~3 an ~1 tod|sterben|suizid"),
    ("active.think_death", "active_thoughts", "denken|gedacht|nachdenken ~2 an|ans ~1 sterben|umbringen"),
    ("active.dark_thoughts", "soft_hopeless", "dunkel|schwarz ~1 gedanke|gedanken"),
    ("active.not_long", "active_thoughts", "nicht ~1 mehr ~1 lange ~1 da|hier|leben|machen"),
    ("active.join_dead", "active_thoughts", "zu|bei ~1 mein ~1 @KIN ~4 himmel|druben|oben|folgen|nachfolgen"),
    # -- Methode (C-SSRS 3) --
    ("method.how_many", "method", "wie ~1 viel|viele ~8 @PILLS|davon ~8 brauchen|reichen|todlich|sterben|tot"),
    ("method.how_many_lethal", "method", "wie ~1 viel|viele ~8 todlich|letal|sterben|umbringen"),
    ("method.lethal_dose", "method", "todlich|letal ~1 dosis|menge"),
    ("method.overdose", "method", "uberdosis"),
    ("method.pills_cue", "method", "@PILLS ~8 @CUE"),
    ("method.cue_pills", "method", "@CUE ~8 @PILLS"),
    ("method.all_pills", "method", "alle|ganze ~2 @PILLS ~4 auf ~0 einmal|schlucken|einwerfen"),
    ("method.think_means", "method", "@THINK ~6 @MEANS"),
    ("method.means_think", "method", "@MEANS ~8 @THINK ~3 an|dran|daran|daruber|druber|uber"),
    (
        "method.search",
        "method",
        "googeln|recherchieren|suchen|nachschauen|nachlesen ~8 todlich|schmerzlos|sterben|umbringen|suizid|uberdosis",
    ),
    ("method.hoard", "method", "sammeln|horten|bunkern|gebunkert|verstecken|zurucklegen|sparen|aufheben ~4 @PILLS"),
    (
        "method.hoard2",
        "method",
        "@PILLS ~6 sammeln|gesammelt|horten|gehortet|bunkern|gebunkert|versteckt|verstecken|zuruckgelegt|beiseite|"
        "aufheben|gespart",
    ),
    ("method.keep", "method", "heben ~4 @PILLS ~6 auf"),
    (
        "method.high",
        "method",
        "@HIGH ~8 springen|runterspringen|hinunterspringen|sturzen|fallenlassen|kante|gelander|runterschauen|"
        "runtergucken|hinunterschauen|runtersehen|tiefe|stockwerk",
    ),
    ("method.jump", "method", "springen|sturzen ~3 von|vor|aus|unter ~3 @HIGH|zug|gleis|gleise|lkw|bahn|bus"),
    ("method.jump_from", "method", "von|vom|vor|vorm ~2 @HIGH|zug|gleis|gleise|lkw ~2 springen|sturzen"),
    (
        "method.throw_front",
        "method",
        "mich ~1 vor|unter ~2 zug|bahn|lkw|bus|auto ~3 werfen|schmeissen|legen|stellen|springen",
    ),
    ("method.throw", "method", "werfen|schmeissen|legen ~1 mich ~3 vor|unter ~2 zug|bahn|lkw|bus|auto"),
    ("method.in_front", "method", "vor ~1 den|einen|ein|die ~1 zug|bahn|lkw|bus|auto ~3 springen|werfen|laufen|legen"),
    ("method.how_high", "method", "wie ~0 hoch|tief ~6 @HIGH"),
    ("method.high_how", "method", "@HIGH ~6 wie ~0 hoch|tief"),
    ("method.tracks", "method", "gleis|gleise|schiene|schienen ~4 springen|legen|runter|hinunter"),
    (
        "method.ligature",
        "method",
        "@LIGATURE ~10 haken|balken|dachbalken|gelander|treppengelander|gewicht|hals|knoten|erhangen",
    ),
    ("method.anchor", "method", "haken|balken|dachbalken|treppengelander ~10 @LIGATURE"),
    ("method.hang", "method", "mich ~0 aufhangen|erhangen"),
    ("method.hang2", "method", "hangen ~1 mich ~2 auf"),
    ("method.wrists", "method", "pulsader|pulsadern"),
    ("method.wrists2", "method", "handgelenk|handgelenke ~4 aufschneiden|aufschlitzen|schlitzen|aufritzen"),
    (
        "method.drive",
        "method",
        "gegen|in ~2 baum|wand|pfeiler|bruckenpfeiler|mauer|lkw|gegenverkehr|leitplanke ~3 lenken|steuern|rasen|ziehen",
    ),
    ("method.gun", "method", "pistole|waffe|gewehr ~8 @THINK|kopf|mich|laden"),
    ("method.walk_in", "method", "ins|in ~1 wasser|meer|fluss|see ~2 laufen|gehen ~4 bis|und ~2 nicht|nie"),
    ("method.how_would", "method", "@THINK ~3 wie ~2 ich ~2 es ~2 machen|tun ~1 werden|konnen"),
    ("method.urge_jump", "method", "uberlegen|drang|impuls|versuchung|lust ~2 zu ~0 springen|runterspringen"),
    ("method.packs", "method", "mehrere|viele|zehn|genug|alle ~2 packung|packungen ~4 @PILLS|kaufen|besorgen|sammeln"),
    (
        "method.drive_want",
        "method",
        "@WANT|@THINK|einfach ~6 gegen ~2 baum|wand|pfeiler|bruckenpfeiler|mauer|lkw ~3 fahren|knallen",
    ),
    ("method.bleed", "method", "verbluten"),
    ("method.thought_of", "method", "an|ans ~2 @MEANS ~3 denken|gedacht"),
    ("method.ways", "method", "methode|methoden|weg|wege ~3 zu ~1 sterben|umbringen"),
    # -- Absicht: intent (C-SSRS 4) --
    ("intent.its_time", "intent", "@FUTURE|jetzt ~4 soweit"),
    ("intent.gone_by", "intent", "@FUTURE ~4 nicht ~1 mehr ~1 da|hier|leben|am"),
    ("intent.last_entry", "intent", "letzter|letzte|letztes ~0 eintrag"),
    ("intent.last_write", "intent", "zum ~0 letzte|letzten ~0 mal ~4 schreiben|hier"),
    ("intent.decided", "intent", "mich ~2 entscheiden|entschieden|entschlossen $"),
    ("intent.will_do", "intent", "werden ~2 es ~4 @FUTURE ~3 tun|durchziehen"),
    ("intent.will_kill", "intent", "werden ~1 mich ~0 umbringen|toten"),
    ("intent.will_kill2", "intent", "werden ~1 mich ~0 @FILL ~0 umbringen|toten"),
    ("intent.no_next", "intent", "kein ~1 nachst|nah ~1 sitzung|termin|woche|mal|eintrag"),
    ("intent.no_stopping", "intent", "kein|keiner|niemand|nichts ~3 mich ~3 aufhalten"),
    ("intent.no_stopping2", "intent", "halten|halt ~2 mich ~3 kein|keiner|niemand|nichts ~3 auf"),
    ("intent.this_time", "intent", "diesmal ~4 durchziehen|ernst"),
    ("intent.not_afraid", "intent", "kein ~1 angst ~2 mehr ~3 sterben|tod"),
    ("intent.farewell", "intent", "leben ~0 wohl"),
    ("intent.calm_decided", "intent", "entschieden ~8 ruhig"),
    ("intent.do_it_when", "intent", "machen|tun ~1 es ~0 @FUTURE"),
    ("intent.do_it_when2", "intent", "machen|tun ~1 es ~0 am|diese|dieses|nachste|nachsten ~0 @FUTURE"),
    ("intent.calm_since", "intent", "ruhig ~8 entschieden|entscheiden|beschlossen"),
    ("intent.it_happens", "intent", "@FUTURE ~3 passieren ~1 es"),
    ("intent.will_pull", "intent", "werden ~2 es ~1 durchziehen"),
    ("intent.no_way_back", "intent", "kein ~1 zuruck ~1 mehr"),
    ("intent.not_afraid_bare", "intent", "kein ~1 angst ~1 mehr $"),
    ("intent.settled", "intent", "beschlossene ~0 sache"),
    ("intent.peace_from_me", "intent", "ruhe ~2 vor ~0 mir"),
    ("intent.the_end", "intent", "das ~1 sein ~1 das ~1 ende $"),
    ("intent.lebewohl", "intent", "lebewohl"),
    ("intent.decided_do", "intent", "entscheiden|entschieden|beschliessen|beschlossen ~4 es ~2 tun|durchziehen"),
    ("intent.will_do_end", "intent", "werden ~2 es ~1 tun $"),
    ("intent.the_day", "intent", "@FUTURE ~3 sein ~2 der|die ~1 tag|nacht $"),
    ("intent.ready_die", "intent", "bereit ~3 sterben|gehen $"),
    ("intent.resolved", "intent", "ich ~2 beschliessen|beschlossen ~6 umbringen|sterben|toten|beenden|leben"),
    ("intent.farewell_me", "intent", "verabschieden ~1 mich ~4 immer|allen|euch"),
    ("intent.never_see", "intent", "mich ~3 nie|nicht ~1 wieder|mehr ~1 sehen"),
    ("intent.never_hear", "intent", "nie|nichts ~1 wieder|mehr ~2 von ~1 mir ~1 horen"),
    # -- Plan und Vorbereitung (C-SSRS 5) --
    ("plan.farewell", "plan_preparation", "abschiedsbrief"),
    (
        "plan.letters",
        "plan_preparation",
        "briefe ~2 an ~4 @KIN|alle|jeden|jede ~6 schreiben|geschrieben|hinterlassen|verfassen",
    ),
    ("plan.letters2", "plan_preparation", "schreiben ~4 briefe ~2 an ~3 @KIN|alle|jeden|jede"),
    (
        "plan.give_away",
        "plan_preparation",
        "mein ~2 @BELONGINGS ~6 verschenken|weggeben|abgeben|vermachen|vererben|geben",
    ),
    ("plan.give_away2", "plan_preparation", "verschenken|weggeben|vermachen|vererben ~4 mein ~2 @BELONGINGS"),
    ("plan.will", "plan_preparation", "testament ~4 machen|schreiben|aufsetzen|aktualisieren|gemacht|fertig"),
    (
        "plan.passwords",
        "plan_preparation",
        "alle ~2 passwort|passworter|zugangsdaten|pins|pin ~6 aufschreiben|hinterlassen|notieren|geben|fur|damit",
    ),
    ("plan.bought", "plan_preparation", "seil|strick|schlinge|waffe|rasierklinge ~4 kaufen|bestellen|besorgen"),
    ("plan.bought2", "plan_preparation", "kaufen|bestellen|besorgen ~4 seil|strick|schlinge"),
    ("plan.day", "plan_preparation", "tag|datum ~3 aussuchen|wahlen|festlegen|festgelegt"),
    ("plan.when_gone", "plan_preparation", "wenn|sobald|nachdem ~1 ich ~2 weg|tot|gestorben ~0 sein|bin"),
    ("plan.when_not_here", "plan_preparation", "wenn|sobald|nachdem ~1 ich ~2 nicht ~1 mehr ~1 bin|lebe"),
    ("plan.when_not_here2", "plan_preparation", "wenn|sobald|nachdem ~1 ich ~2 nicht ~1 mehr ~1 da|hier ~0 bin"),
    ("plan.who_takes", "plan_preparation", "wer ~3 hund|katze|kinder|tiere ~3 nehmen|bekommen|kriegen|versorgen"),
    ("plan.affairs", "plan_preparation", "angelegenheiten|dinge|sachen ~3 regeln|ordnen|geregelt|geordnet ~4 bevor"),
    ("plan.affairs2", "plan_preparation", "alles ~1 geregelt|regeln ~6 versicherung|konto|konten|testament|wer"),
    ("plan.insurance", "plan_preparation", "versicherung|lebensversicherung ~10 suizid|selbstmord"),
    ("plan.enough", "plan_preparation", "genug ~3 @PILLS ~4 sammeln|zusammen|beisammen|gespart"),
    ("plan.enough2", "plan_preparation", "@PILLS ~4 genug ~2 sammeln|zusammen|beisammen"),
    (
        "plan.scheduled",
        "plan_preparation",
        "nachricht|mail|email|post|video|brief ~4 planen|zeitversetzt|terminieren|rausgehen|verschicken ~4 "
        "wenn|sobald|nachdem",
    ),
    ("plan.farewell_all", "plan_preparation", "mich ~4 von ~1 allen|jedem|familie ~3 verabschieden"),
    ("plan.have_plan", "plan_preparation", "haben ~1 ein ~1 plan $"),
    ("plan.plan_set", "plan_preparation", "plan ~2 stehen $"),
    ("plan.finds_me", "plan_preparation", "wer ~2 mich ~1 finden|findet"),
    ("plan.rehome", "plan_preparation", "neues ~1 zuhause ~3 fur ~1 mein ~1 katze|hund|tiere|kater"),
    ("plan.funeral", "plan_preparation", "mein ~0 beerdigung|begrabnis ~6 aussuchen|planen|musik|lied|wunsch|wunsche"),
    # -- Selbstverletzung, recent (C-SSRS behaviour) --
    ("harm.ritzen", "self_harm", "ritzen"),
    ("harm.urge", "self_harm", "ritzdruck"),
    ("harm.selbstverletzung", "self_harm", "selbstverletzung|selbstverletzen"),
    ("harm.cut_me", "self_harm", "mich|mir ~3 schneiden|verbrennen|verletzen|kratzen|blutig"),
    ("harm.cut_me2", "self_harm", "schneiden|verbrennen|verletzen ~1 mich|mir"),
    ("harm.body", "self_harm", "@BODY ~6 schneiden|aufschneiden|ritzen|aufritzen|verbrennen|aufkratzen|blutig"),
    ("harm.body2", "self_harm", "schneiden|aufschneiden|ritzen|aufritzen|verbrennen|aufkratzen ~6 @BODY"),
    ("harm.lighter", "self_harm", "feuerzeug|zigarette|zirkel ~6 @BODY|mich|mir ~4 verbrennen|ausdrucken|ritzen"),
    (
        "harm.lighter2",
        "self_harm",
        "mich|mir ~3 mit ~2 feuerzeug|zigarette|zirkel|kerze ~4 verbrennen|ausdrucken|ritzen",
    ),
    ("harm.fresh", "self_harm", "neu|frisch|tief ~1 schnitt|schnitte|wunde|wunden|brandwunde|narbe ~4 @BODY"),
    ("harm.hide", "self_harm", "schnitt|schnitte|narbe|narben|wunde|wunden ~10 verstecken|verdecken|langarm|armel"),
    ("harm.hide2", "self_harm", "schnitt|schnitte|narbe|narben|wunde|wunden ~10 lange ~0 hose|hosen|armel|pulli"),
    ("harm.on_purpose", "self_harm", "@HARM ~8 absichtlich|absicht"),
    ("harm.on_purpose2", "self_harm", "absichtlich|absicht ~6 @HARM"),
    ("harm.till_blood", "self_harm", "@HARM ~8 bis ~3 bluten|blut|blutet|geblutet|blau|wund|aufplatzen"),
    (
        "harm.head_wall",
        "self_harm",
        "kopf|faust ~4 gegen ~2 wand|tur|tisch|mauer|spiegel ~3 schlagen|hauen|knallen",
    ),
    ("harm.wall", "self_harm", "wand|spiegel|tur ~2 schlagen|boxen"),
    (
        "harm.blade",
        "self_harm",
        "mit ~2 rasierklinge|scherbe|glasscherbe|zirkel|cutter ~6 wieder|rumgemacht|rum|@BODY|mich|mir",
    ),
    ("harm.blade_again", "self_harm", "wieder ~4 rasierklinge|scherbe"),
    ("harm.relapse", "self_harm", "ruckfall ~4 ritzen|schneiden|selbstverletzung|rasierklinge"),
    ("harm.punish", "self_harm", "mich ~1 bestrafen"),
    ("harm.hurt_me", "self_harm", "mir ~3 wehtun"),
    ("harm.hair", "self_harm", "haare ~2 ausreissen|rausreissen"),
    ("harm.not_eat", "self_harm", "absichtlich ~3 nichts ~1 essen|gegessen"),
    ("harm.myself", "self_harm", "mich|mir ~1 selbst|selber ~3 @HARM"),
    ("harm.pain", "self_harm", "mir ~3 schmerzen ~2 zufugen|zugefugt"),
    (
        "harm.wounds",
        "self_harm",
        "schnittwunde|schnittwunden|ritzwunde|ritzwunden|brandwunde|brandwunden ~6 @BODY|verstecken|neu|frisch|wieder",
    ),
    ("harm.punish2", "self_harm", "zur|als ~0 strafe ~4 hungern|erbrechen|kotzen|schneiden|ritzen|schlagen"),
    ("harm.starve", "self_harm", "hungern|erbrechen|kotzen ~3 absichtlich|bestrafen|strafe"),
    ("harm.every", "self_harm", "jeden ~1 abend|tag|nacht ~3 ritzen|schneiden|verbrennen"),
    ("harm.pressure", "self_harm", "druck|drang ~3 zu ~1 ritzen|schneiden|verletzen"),
    ("harm.scabs", "self_harm", "wunde|wunden|schorf ~3 aufkratzen|aufreissen"),
    # -- Suizidversuch: attempts, urgent when recent or when the feeling is back, gentle when long past --
    ("attempt.suizidversuch", "attempt", "suizidversuch"),
    (
        "attempt.tried",
        "attempt",
        "versuchen ~4 mich|mir ~3 umbringen|toten|aufhangen|erhangen|vergiften|ertranken|erschiessen|leben",
    ),
    ("attempt.tried_take", "attempt", "versuchen ~6 das ~0 leben ~2 nehmen"),
    ("attempt.my_attempt", "attempt", "mein ~1 letzt|erst|zweit ~0 versuch !zu|_"),
    ("attempt.my_attempt2", "attempt", "mein ~0 versuch !zu|_|mit|bei|einer|ein|den|die|das"),
    ("attempt.overdose_took", "attempt", "uberdosis ~3 nehmen|schlucken|genommen|geschluckt"),
    ("attempt.my_overdose", "attempt", "mein ~1 uberdosis"),
    (
        "attempt.hospital",
        "attempt",
        "nach ~3 @PILLS|uberdosis|versuch ~6 intensivstation|notaufnahme|krankenhaus|klinik|psychiatrie|magen",
    ),
    ("attempt.hospital2", "attempt", "intensivstation|notaufnahme|magen ~6 nach|wegen ~3 @PILLS|uberdosis|versuch"),
    ("attempt.pumped", "attempt", "magen ~2 ausgepumpt|auspumpen"),
    ("attempt.survived", "attempt", "uberleben ~3 versuch|sprung|uberdosis"),
    ("attempt.age", "attempt", "mit ~1 @NUMBER ~3 versuchen"),
    ("attempt.swallowed", "attempt", "alle|ganze|viele|packung|handvoll ~3 @PILLS ~4 schlucken|geschluckt|einwerfen"),
    ("attempt.at_once", "attempt", "@PILLS ~3 auf ~0 einmal ~2 schlucken|geschluckt|nehmen|genommen"),
    ("attempt.swallowed2", "attempt", "@PILLS ~3 schlucken|geschluckt ~3 alle|ganze|einmal|packung"),
    ("attempt.had_one", "attempt", "schon ~2 einmal|mal ~2 ein ~0 versuch|suizidversuch"),
    ("attempt.last_time_pills", "attempt", "letzte ~1 mal ~6 @PILLS ~3 nehmen|genommen|geschluckt|schlucken"),
    ("attempt.once", "attempt", "es ~3 schon ~1 einmal|mal ~1 versuchen !zu|_|mit|es|das|den|die|der|ein|eine|aber"),
    # -- soft signals --
    ("soft.hopeless", "soft_hopeless", "hoffnungslos|hoffnungslosigkeit|perspektivlos|aussichtslos"),
    ("soft.no_hope", "soft_hopeless", "kein ~2 hoffnung|zukunft|perspektive"),
    ("soft.never_better", "soft_hopeless", "nie|nimmer ~4 besser ~1 werden"),
    ("soft.never_better2", "soft_hopeless", "werden ~2 nie|nimmer ~2 besser"),
    ("soft.ever_better", "soft_hopeless", "nicht ~4 je|jemals|irgendwann ~3 besser"),
    ("soft.nothing_helps", "soft_hopeless", "nichts ~3 helfen|andern|bringen"),
    ("soft.no_light", "soft_hopeless", "kein ~1 licht ~3 tunnel"),
    ("soft.never_change", "soft_hopeless", "nie ~3 andern"),
    ("soft.in_the_way", "soft_burden", "allen|jedem ~1 im ~0 weg"),
    ("soft.useless", "soft_burden", "zu ~0 nichts ~0 nutze"),
    ("soft.cage", "soft_trapped", "wie ~2 kafig|gefangnis"),
    ("soft.stuck_fast", "soft_trapped", "stecken ~3 fest $"),
    (
        "soft.burden",
        "soft_burden",
        "last|belastung|ballast|burde|klotz ~3 fur ~2 alle|jeden|andere|familie|mein|@OTHER",
    ),
    ("soft.only_burden", "soft_burden", "nur|eh|bloss ~3 last|belastung|ballast|burde"),
    ("soft.a_burden", "soft_burden", "ich ~2 sein ~2 ein|eine ~1 last|belastung|burde"),
    ("soft.feel_burden", "soft_burden", "fuhlen ~2 mich ~3 last|belastung|burde|ballast"),
    ("soft.like_burden", "soft_burden", "wie|als ~1 ein ~1 last|belastung|burde|ballast"),
    ("soft.fall_burden", "soft_burden", "zur ~0 last ~2 fallen"),
    ("soft.fall_burden2", "soft_burden", "fallen ~4 zur ~0 last"),
    ("soft.better_without", "soft_burden", "besser ~1 dran ~3 ohne ~1 mich"),
    ("soft.without_me", "soft_burden", "ohne ~1 mich ~3 besser|glucklich|glucklicher|leichter|einfacher|dran"),
    ("soft.nobody_miss", "soft_burden", "niemand|keiner ~3 vermissen|merken"),
    ("soft.trapped", "soft_trapped", "gefangen|ausweglos|ausweglosigkeit"),
    ("soft.trap", "soft_trapped", "in ~1 der ~1 falle"),
    ("soft.no_way_out", "soft_trapped", "kein ~1 weg ~1 raus|heraus|hinaus"),
    ("soft.no_way_out2", "soft_trapped", "kein ~1 ausweg"),
    ("soft.stuck", "soft_trapped", "feststecken|festsitzen ~3 fur ~1 immer"),
    ("soft.hole", "soft_trapped", "loch|sackgasse|kafig ~6 nie|nimmer ~3 raus|heraus|rauskommen"),
    ("soft.pointless", "soft_pointless", "sinnlos|sinnlosigkeit"),
    ("soft.no_sense", "soft_pointless", "haben ~3 kein ~1 sinn ~0 mehr"),
    ("soft.life_no_sense", "soft_pointless", "leben ~3 kein ~1 sinn"),
    ("soft.all_no_sense", "soft_pointless", "alles ~3 kein ~1 sinn"),
    ("soft.what_for", "soft_pointless", "wozu ~3 noch|uberhaupt|leben|weitermachen|aufstehen"),
    ("soft.what_point", "soft_pointless", "was ~0 sollen ~1 das ~0 alles"),
    ("soft.see_no_sense", "soft_pointless", "sehen ~2 kein ~1 sinn"),
    ("soft.what_brings", "soft_pointless", "was ~0 bringen ~1 das ~0 alles|leben|uberhaupt"),
    ("soft.what_here", "soft_pointless", "was ~0 sollen ~1 ich ~2 noch ~1 hier"),
    ("soft.all_egal", "soft_pointless", "mir ~2 alles ~1 egal"),
    ("soft.all_egal2", "soft_pointless", "alles ~2 mir ~1 egal"),
    (
        "soft.cant_anymore",
        "soft_stop",
        "konnen ~2 nicht ~0 mehr !_|schlafen|essen|laufen|gehen|warten|sehen|horen|lachen|arbeiten|sitzen|stehen|"
        "schreiben|lesen|trinken|fahren|bewegen",
    ),
    ("soft.cant_bear", "soft_stop", "halten|halt ~4 nicht ~0 mehr ~1 aus"),
    ("soft.cant_bear2", "soft_stop", "nicht ~1 mehr ~1 aushalten|ertragen"),
    ("soft.stop", "soft_stop", "@WANT ~3 es|alles|das|schmerz|kopf|gedanken ~2 aufhoren|vorbei|endet|enden"),
    ("soft.no_more_will", "soft_stop", "kein ~0 bock|lust ~0 mehr ~2 auf ~1 alles|nichts|leben|gar|irgendwas"),
    ("soft.give_up", "soft_stop", "alles|leben ~1 aufgeben|hinschmeissen|hinwerfen"),
    ("soft.dont_want", "soft_stop", "wollen ~2 nicht ~0 mehr $"),
    ("soft.cant_manage", "soft_stop", "schaffen ~3 nicht ~0 mehr $"),
    ("soft.weary", "soft_exhausted", "leid ~2 zu ~0 leben|existieren|kampfen"),
    ("soft.weary_life", "soft_exhausted", "leben ~1 leid"),
    ("soft.at_end", "soft_exhausted", "ich ~1 sein ~2 am ~0 ende $"),
    ("soft.go_on", "soft_stop", "nicht ~1 mehr ~1 weitermachen|weiter"),
    ("soft.go_on2", "soft_stop", "so ~0 nicht ~1 weitermachen"),
    (
        "soft.exhausted",
        "soft_exhausted",
        "erschopft|mude|erschopfen ~3 vom|von ~1 leben|allem|kampfen|kampf|existieren",
    ),
    ("soft.no_strength", "soft_exhausted", "kein ~0 kraft ~0 mehr"),
]

# Everyday senses, the dosing experience, and medicine: a rule's match that overlaps one of these is no finding.
SHIELDS = [
    # idioms of dying and killing
    "sterben ~1 vor ~2 hunger|langeweile|lachen|neugier|hitze|kalte|angst|durst|mudigkeit|sehnsucht|scham",
    "zum ~0 sterben ~1 langweilig|schon|mude|gut|hasslich|lecker|schlecht|viel|wenig",
    "zu ~0 tod|tode ~1 langweilen|erschrecken|lachen|argern|schamen|gelangweilt|erschreckt|erschrocken|betrubt",
    "tot ~0 lachen|mude|schick|langweilig|ernst|sicher|umfallen",
    "lachen ~2 tot|sterben",
    "akku|handy|laptop|batterie|pflanze|pflanzen|auto|motor|drucker|wlan|internet|leitung|netz|fernseher|"
    "basilikum|blumen|party|stimmung ~4 tot|sterben|abkratzen",
    "das|es ~0 werden|konnen ~0 mich ~1 umbringen|toten",
    "arbeit|chef|chefin|hitze|kinder|kopfschmerz|kopfschmerzen|larm|warten|ungewissheit|neugier|kater|spannung ~4 "
    "umbringen|toten",
    "konnen ~1 mich ~1 erschiessen|ohrfeigen|treten",
    "das|es|dies ~3 mir ~4 antun",
    "mir ~1 das|dies ~2 antun",
    "uber ~1 mein ~1 leiche",
    "suizid|selbstmord ~1 pravention|rate|risiko|statistik|forschung|attentat|anschlag|mission|kommando",
    # the dosing experience itself
    "ego|egotod ~0 tod|sterben|auflosen|auflosung|tot",
    "egotod",
    "sterben ~4 wiedergeboren|wiedergeburt|neugeboren|geboren",
    "tod ~2 und ~1 wiedergeburt|neugeburt|geburt",
    "eigen ~0 beerdigung|tod|grab|begrabnis",
    "als ~2 ich ~2 sterben|tot",
    "als ~1 ob ~1 ich ~2 sterben|tot",
    "denken ~3 ich ~1 mussen ~1 sterben",
    "alt ~1 ich|selbst ~4 sterben|tot",
    "k ~0 loch|hole",
    "nicht ~1 mehr ~2 existieren ~4 schon|friedlich|beangstigend|gruselig|angst",
    # medicine and daily life
    "dosis ~6 erhohen|erhoht|hochsetzen|hochgesetzt|reduzieren|reduziert|ausschleichen|absetzen|angepasst",
    "@PILLS ~6 mg|milligramm|rezept|apotheke|verschrieben|verschreiben|abholen|einnehmen|pillendose|"
    "wochendosierer|dosette|ausschleichen|absetzen|umstellen|spiegel|arzt|arztin|psychiater|hausarzt",
    "haar|haare|pony|nagel|fingernagel|bart|hecke|rasen|brot|gemuse|zwiebel|zwiebeln|finger|daumen|papier ~3 schneiden",
    "schneiden ~3 finger|daumen|haar|haare|pony",
    "rasieren|rasiert|rasur ~6 schneiden|rasierklinge",
    "rasierklinge ~6 rasieren|rasiert|rasur",
    "ofen|herd|backofen|bugeleisen|topf|pfanne|kochen|grill|blech|tee|kaffee|sonne|sonnenbrand|pizza|heizung|beim "
    "~6 verbrennen|schneiden|verletzen",
    "verbrennen|schneiden ~6 ofen|herd|backofen|bugeleisen|topf|pfanne|kochen|grill|blech|tee|kaffee|sonne|pizza",
    "toast|essen|pizza|kuchen|brot|reis|nudeln ~3 verbrennen",
    "sport|training|joggen|fussball|sturz|gesturzt|hingefallen|unfall|umknicken|umgeknickt|arbeit|rucken|knie ~6 "
    "verletzen",
    "verletzen ~6 beim|sport|training|joggen|fussball|knie|rucken|bander",
    "ritzen ~4 holz|baum|stein|namen|initialen|glas|tisch|rinde|herz|linoleum",
    "holz|baum|stein|namen|initialen|glas|tisch|rinde|herz|linoleum ~4 ritzen",
    "seil|seile ~6 klettern|kletterpark|boot|zelt|wasche|waschleine|springen|turnen|hangematte|schaukel",
    "todlich|letal ~1 dosis|menge ~2 koffein|kaffee|wasser|salz|zucker|nikotin",
    "uberdosis ~2 koffein|kaffee|zucker|schokolade|sonne",
    "@PILLS ~3 wegschliessen|abschliessen|weggeschlossen|tresor|entsorgen|zuruckgeben|apotheke",
    "tag|datum|termin ~6 hochzeit|party|urlaub|umzug|reise|op|operation|prufung|geburtstag|konzert|"
    "vorstellungsgesprach|sitzung|behandlung|infusion|session",
    "soweit ~8 umzug|hochzeit|geburtstag|urlaub|sitzung|termin|op|prufung|konzert|party|reise|flug|session|"
    "behandlung|infusion|dosierung|start|einzug",
    "umzug|hochzeit|geburtstag|urlaub|sitzung|termin|op|prufung|konzert|party|reise|flug|session|behandlung|"
    "infusion ~8 soweit",
    "verabschieden ~8 kollegen|kollegin|kollege|team|klasse|urlaub|flughafen|bahnhof|umzug|abschlussfeier",
    "arbeitstag|schultag|ausstand|abschiedsfeier|rente|ruhestand|praktikum|job|firma|kollegen|team|umzug|urlaub ~8 "
    "verabschieden",
    "eintrag ~2 fur ~1 heute|diese|dieses|die|den|das|vor",
    "wenn ~1 ich ~2 weg ~0 sein|bin ~6 urlaub|reise|verreist|klinik|reha|kur|ausland|dienstreise",
    "urlaub|reise|verreist|reha|kur|ausland|dienstreise ~8 wenn ~1 ich ~2 weg",
    "hund|katze|kinder|tiere ~8 urlaub|reise|verreist|dienstreise|krankenhaus|reha|kur",
    "briefe|brief ~6 geburtstag|weihnachten|hochzeit|danke|dankeskarte|jubilaum|einladung|bewerbung",
    "fragen ~4 ob|nach ~10 suizid|suizidgedanke|umbringen|leben|selbstverletzung|ritzen|tot",
    "sicherheitsplan|notfallplan|krisenplan",
    "stau|traum|zeitschleife|loop|schleife|musik|film|spiel|game|moment|gedankenkarussell ~4 gefangen",
    "gefangen ~4 stau|traum|zeitschleife|loop|schleife|musik|moment|genommen",
    "das|es ~0 machen ~0 kein ~0 sinn",
    "sinnlos ~2 meeting|meetings|diskussion|streit|besprechung|aufgabe|burokratie|formular|formulare|warten",
    "meeting|meetings|diskussion|streit|besprechung|aufgabe|burokratie|formular|formulare|warten ~3 sinnlos",
    "zug ~3 verpassen|verpasst|verspatet|verspatung|ausgefallen",
]

# Lemmas the weighing reads (see journal/safety/lexicons/__init__.py).
CLAUSE = frozenset(
    {
        "und",
        "aber",
        "sondern",
        "weil",
        "denn",
        "obwohl",
        "wahrend",
        "trotzdem",
        "deshalb",
        "also",
        "wozu",
        "warum",
        "wieso",
    }
)
REPORTING = frozenset({"wissen", "denken", "sagen", "erzahlen", "glauben", "meinen", "finden", "fragen", "und", "aber"})
TRANSPARENT = frozenset(
    {
        "irgendein",
        "irgendwelch",
        "ein",
        "an",
        "uber",
        "von",
        "gedanke",
        "drang",
        "impuls",
        "plan",
        "absicht",
        "wirklich",
        "ernsthaft",
        "aktiv",
        "mehr",
        "echt",
        "richtig",
    }
)
POSSESSIVE = frozenset({"mein", "unser"})
SUBJECTS = frozenset({"er", "sie", "wir", "du", "ihr"})
PREPOSITIONS = frozenset({"fur", "an", "mit", "zu", "bei", "von", "uber", "auf", "gegen", "ohne", "um", "nach", "als"})
DOER_ADVERBS = frozenset({"auch", "schon", "endlich", "dann", "sogar", "immer", "gerade", "bereits", "noch", "jetzt"})
