"""English: what the risk engine (``journal.safety.risk``) listens for: word sets, rules and shields. Data only.

The reference language module: the names every language module defines are listed, one line each, in
``journal/safety/lexicons/__init__.py``.

Categories follow the ladder of the Columbia Suicide Severity Rating Scale screener (C-SSRS, Posner et al.,
Am J Psychiatry 2011; the Columbia Lighthouse Project's screener): wish to be dead, active thoughts, method,
intent, plan and preparation, recent self-harm and past behaviour. The soft signals (hopelessness, feeling a
burden, feeling trapped, no point, wanting everything to stop) follow the interpersonal theory's
burdensomeness and the entrapment literature, as the suicide-risk lexicons of Gaur et al. 2019
("Knowledge-aware assessment of severity of suicide risk", WWW '19, built on the C-SSRS), Low et al. 2020
(Reddit mental-health lexicons, JMIR) and Bloom & Treves 2025 group them. No phrase was copied from those
lexicons: they name the categories; the words here were written for how patients write in a journal.

A rule is a pattern over lemmas: slots separated by spaces, alternatives by ``|``, ``@NAME`` for a word
set, ``~N`` for up to N other words between two slots. Rules never cross a sentence.
"""

from __future__ import annotations

VERSION = 4
LEMMA_LANG = "en"  # simplemma's dictionary

# Spelling people use, rewritten to the words the rules are written in (after folding, apostrophes dropped).
SPELLING = {
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "aint": "is not",
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "kinda": "kind of",
    "sorta": "sort of",
    "tryna": "trying to",
    "idk": "i do not know",
    "dunno": "do not know",
    "u": "you",
    "ur": "your",
    "hed": "he would",
    "theyd": "they would",
    "theyre": "they are",
    "youre": "you are",
    "itd": "it would",
    "thats": "that is",
    "whats": "what is",
    "theres": "there is",
    "its": "it is",
    "tbh": "",
    "lol": "",
    "rn": "right now",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "w": "with",
    "pls": "please",
    "kms": "kill myself",
    "shd": "selfharm",
    "kys": "kill yourself",
    "ctb": "catch the bus",
    "sh": "selfharm",
    "sewerslide": "suicide",
    "sewer": "sewer",
    "unalive": "unalive",
    "unaliving": "unalive",
    "selfharm": "selfharm",
    "selfharming": "selfharm",
    "od": "overdose",
    "oding": "overdose",
    "odd": "odd",
    "tonights": "tonight is",
    "nite": "night",
    "tmrw": "tomorrow",
    "tomoz": "tomorrow",
    "2moro": "tomorrow",
    "abt": "about",
    "bout": "about",
    "ppl": "people",
    "urself": "yourself",
    "kil": "kill",
    "imma": "i am going to",
    "ima": "i am going to",
    "finna": "going to",
    "gunna": "going to",
    "bouta": "about to",
    "wud": "would",
    "wld": "would",
    "cud": "could",
    "shud": "should",
    "smth": "something",
    "sth": "something",
    "thot": "thought",
    "thots": "thoughts",
    "tho": "though",
    "becuz": "because",
    "bcuz": "because",
    "bcoz": "because",
    "anymor": "anymore",
    "nobodys": "nobody is",
    "noone": "no one",
    "everyones": "everyone is",
    "killmyself": "kill myself",
    "killin": "killing",
    "selfdelete": "self delete",
    "selfinjury": "selfharm",
    "selfinjure": "selfharm",
    "unalived": "unalive",
    "suicided": "suicide",
    "oded": "overdosed",
    "sui": "suicidal",
    "dissapear": "disappear",
    "dissappear": "disappear",
    "disapear": "disappear",
    # numbers written out read as numbers ("when i was fifteen", "at nineteen", "five years ago"); not "one"
    **dict(
        pair.split("=")
        for pair in (
            "two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 "
            "thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19 "
            "twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90"
        ).split()
    ),
}
# Pairs of words people write apart or together, joined before reading ("car park", "my self", "sewer slide").
JOINS = {
    "car park": "carpark",
    "train line": "railway",
    "rail line": "railway",
    "multi storey": "multistorey",
    "parking garage": "carpark",
    "sewer slide": "suicide",
    "su icide": "suicide",
    "s/h": "selfharm",
    "self harm": "selfharm",
    "self harming": "selfharm",
    "self harmed": "selfharm",
    "self harmer": "selfharm",
    "self injury": "selfharm",
    "self injured": "selfharm",
    "self injure": "selfharm",
    "self injuring": "selfharm",
    "un alive": "unalive",
    "my self": "myself",
    # a shop and a course are not prevention work; the emergency department is one word
    "charity shop": "charityshop",
    "first aid": "firstaid",
    "a&e": "aande",
    # "it hasn't come back" says the feeling stayed away: not that it returned
    "hasnt come back": "stayed away",
    "havent come back": "stayed away",
    "never came back": "stayed away",
    "hasnt been back": "stayed away",
}
# Words the lexicon reads as written, never as their lemma: "training" is prevention work, not the train.
LITERAL = frozenset({"training", "trainings"})
# The core words a slip of one letter is forgiven in ("sucide", "suicdal", "thougths", "dissapear"), when the
# word written is five letters or more and no dictionary knows it.
TYPO_TOLERANT = (
    "suicide suicidal suicidally myself thoughts thought disappear overdose overdosed overdosing attempt "
    "attempted killing unalive selfharm hurting cutting hopeless worthless burden exhausted trapped "
    "anymore everyone nobody pointless paracetamol sleeping tablets lethal goodbye"
)
# "she'd been cutting": "shed" is a she only before these words (else it is the garden's).
SHED_BEFORE = {"been", "be", "have", "had", "never", "always", "just", "tried", "done", "gone", "cut", "hurt"}
SHE = ("she", "would")
RESPELL_BEFORE = {"shed": (SHE, frozenset(SHED_BEFORE))}
# The alphabet a slip of one letter is made of.
LETTERS = "abcdefghijklmnopqrstuvwxyz"

# Inflections, for a word the dictionary gives no lemma the lexicon knows ("cutting", "thinking"): the
# endings taken off, the ending tried on the stem ("hoping" -> "hope"), a doubled last letter undone
# ("cutting" -> "cut"), and a dropped g put back ("cuttin").
ENDINGS = ("ing", "ed", "es", "s")
STEM_ADDS = ("e",)
UNDOUBLE = True
DROPPED = {"in": "ing"}
# A person named in the plural is still someone else ("my friends").
PLURAL_ENDINGS = ("s",)
# Simplemma's English dictionary is read as it is (English is written without accents).
ACCENTS: dict[str, str] = {}
# English is the guest reading of every other language's texts, never a host: it has no false friends.
FALSE_FRIENDS = ""
SENTENCE_ENDS = ".!?;\n"
NEGATION_WINDOW = 4  # words before a match in which a negation counts
PERSON_WINDOW = 8  # words before a match searched for who it is about

MEDICINES = (
    "pill pills tablet tablets med meds medication medicine paracetamol acetaminophen tylenol panadol ibuprofen "
    "codeine tramadol oxycodone oxy opioids benzos diazepam valium xanax lithium amitriptyline sertraline "
    "quetiapine insulin seroquel zopiclone zolpidem ambien mirtazapine venlafaxine fluoxetine prozac citalopram "
    "escitalopram propranolol olanzapine clonazepam lorazepam temazepam morphine fentanyl methadone gabapentin "
    "pregabalin aspirin naproxen cocodamol painkillers antidepressants sleepers trazodone oxycontin hydrocodone "
    "percocet vicodin lamotrigine digoxin warfarin"
)
LIGATURES = "rope belt cord cable scarf noose ligature dupatta"

SETS = {
    "SELF": "i me my myself mine",
    "OTHER": "he she they him her them his hers their theirs himself herself themselves you your yourself "
    "hero heroine protagonist narrator "
    "friend mate bestie brother sister bro sis mum mom mother dad father son daughter cousin uncle aunt "
    "nan nana grandma grandmother grandad grandpa grandfather partner husband wife boyfriend girlfriend "
    "ex colleague coworker boss patient client doctor nurse gp pharmacist psychiatrist psychologist someone "
    "somebody character guy girl boy man woman people "
    "person kid child neighbour neighbor classmate widow anyone everyone dog cat flatmate roommate housemate",
    "NEG": "not no never nor without zero none nothing",
    # after a negation word, these do not negate what follows ("not sure I want to live", "cant stop thinking")
    "NEG_EXCEPT": "sure certain stop help only just one matter know care mind me",
    "DEAD": "die dead death disappear vanish gone exist existing existence evaporate",
    "WANT": "want wish hope pray rather prefer long crave need tempt",
    "THINK": "think thought consider imagine picture fantasize fantasise dream idea plan obsess",
    "KILLSELF": "suicide suicidal unalive",
    # the medicines a person could take too many of, and what they come in
    "PILLS": f"{MEDICINES} box bottle script prescription packet",
    "HIGH": "bridge roof rooftop building balcony cliff tower platform ledge carpark multistorey overpass window "
    "railing quarry headland",
    # the body where people hurt themselves, and the ways
    "BODY": "arm arms forearm wrist wrists thigh thighs leg legs skin stomach belly hip hips ankle ankles chest "
    "hand hands knuckles shoulder shoulders face palm palms scalp",
    "HARM": "cut slice carve burn scald scratch claw dig bite hit punch bang slam smash whip pinch stub hurt harm "
    "bruise stab smack slap bit punish starve",
    "FUTURE": "tonight tomorrow weekend sunday monday tuesday wednesday thursday friday saturday soon week",
    # the means people name when they think of how (C-SSRS 3): medicines, ligatures, heights, traffic, water,
    # blades, guns, gases, poisons
    "MEANS": f"{MEDICINES} sleeping {LIGATURES} beam banister bridge roof rooftop cliff "
    "balcony ledge tower overpass motorway highway traffic tracks railway river canal lake sea ocean "
    "knife knives blade blades razor razors gun guns shotgun rifle exhaust hose charcoal bleach "
    "antifreeze poison weedkiller extension fan platform crossing lane oncoming frozen whiskey vodka "
    "carpark multistorey reservoir quarry headland pesticide pesticides paraquat insecticide herbicide",
    "LIGATURE": LIGATURES,
    # what turns naming a means into thinking of using it
    "CUE": "enough lethal fatal painless fastest easiest overdose stockpile stash hoard research google googled "
    "googling forum forums calculate calculated final exit",
    "GOODBYE": "note notes letter letters goodbye goodbyes farewell video videos voicemail",
    "DEADKIN": "dad mum mom nan grandad grandma grandpa brother sister son daughter friend",
    # the writer with others: read so that a preparation "we" make is seen as shared ("we gave the cat away")
    "US": "we us ourselves",
    # the birthdays and days people say they will not see
    "MILESTONE": "birthday christmas 18th 20th 21st 25th 30th 40th 50th 60th 65th 70th 80th",
    # what people cut, burn or scratch themselves with
    "TOOL": "compass knife knives blade blades scissors sharpener sharpeners grater scalpel boxcutter",
}

# Sentences that speak of a distant past, and words that bring it back to now.
PAST = [
    "year|years|decade|decades ~1 ago",
    "use ~1 to",
    "year|years ~2 since|ago|free|clean",
    "before ~1 i ~1 start|started|began ~2 treatment|therapy|ketamine|recovery",
    "when i be ~2 @NUMBER|young|younger|little|kid|teen|teenager|child|small|student|in|at",
    "as a ~1 teen|teenager|kid|child|student",
    "in ~1 my ~2 teens|twenties|thirties|20s|30s|youth|childhood",
    "back ~1 then",
    "back ~1 in ~2 @YEAR|@NUMBER|school|college|uni|university|day|days|teens|twenties|childhood",
    "year|years|decade|decades ~1 back",
    "long ago",
    "long ~1 time ~1 ago|back",
    "in the past",
    "once upon",
    "in high|secondary ~1 school",
    "@YEAR",
    "year|years ~1 free|clean",
    "@NUMBER ~1 year|years ~1 ago|free|clean|since",
    "before ~2 treatment|therapy|ketamine|recovery|rehab|sobriety|diagnosis",
    "attempt|overdose|od|selfharm|cut|cutting|tried|try|hospital ~3 at|aged ~1 @NUMBER "
    "!am|pm|in|this|last|tonight|today|oclock|o|and|on|yesterday|ish|the|a|clock|minutes|mins|hours",
    "age|aged ~1 @NUMBER",
    "old|faded|fading|white|silver|healed ~2 scar|scars",
    "scar|scars ~6 old|faded|healed",
    "teenage|younger|teen|little ~1 me|self",
    "the ~1 old ~1 urge|urges|habit|thoughts|feelings|pull|me|self|days",
    "through|during ~3 my ~2 teens|twenties|thirties|20s|30s|youth|childhood",
    "urge|urges|thoughts|feelings|pull ~4 gone|faded|disappeared|lifted|passed",
]
RETURNING = [
    "feel|feeling|thought|thoughts|urge|urges|pull|voice|it|they|dark|darkness|same ~3 back",
    "feel|feeling|think|thinking|thought|thoughts|urge|urges|want|wanting|pull ~3 again",
    "again ~3 feel|feeling|think|thinking|thought|urge|want",
    "all over again",
    "creep|creeping",
    "return|returning|resurface|resurfacing",
    "close to that",
    "same feeling|voice|thought|thoughts|dream|dreams|pull|sign|signs|place",
    "exactly ~1 the ~1 same",
    "last ~1 time ~1 i ~1 feel ~2 like ~1 this",
    "like before",
    "before i try|tried|attempt",
    "here again",
    "next time",
    "finish what i start",
    "why i bother",
    "lately ~4 think|thinking|feel|want|wonder",
    "start|starting|begin|beginning|happen|happening ~2 again",
    "back ~2 in ~1 that|the ~1 place|hole|dark|darkness",
    "last ~1 time ~1 i ~1 feel ~2 this|that ~1 way",
    "recently|lately ~6 keep|go|going",
    "think|thought ~2 i ~1 be ~1 past|over|done ~2 it|this|that",
    "exact|same|identical ~1 feel|feeling|empty|emptiness|dark|darkness|urge|urges|pull|numbness|numb|heaviness",
    "know ~1 this|that ~1 feeling|feel",
]
RECENT = [
    "tonight",
    "last night",
    "this morning",
    "yesterday",
    "this week",
    "today ~3 again",
    "just now",
    # "used to" in a comparison or of a place speaks of now: "less scary than they used to", "where we used to walk"
    "than|like ~3 use ~1 to",
    # a relapse after a clean spell is now: "back to cutting after two years clean"
    "back ~1 to ~1 cutting|selfharm|hurting|burning",
    "relapse|relapsed ~4 after",
    "where ~2 use ~1 to",
]

# Context that makes a sentence about something other than the writer, when the words found name no one.
FICTION = (
    "film movie cinema episode tv netflix documentary podcast novel chapter character scene soundtrack "
    "lyric lyrics album radio theatre theater poem opera watched rewatched rewatch article headline "
    "newspaper journalist series anime manga comic villain"
)
PREVENTION = (
    "prevention awareness volunteer volunteering training course workshop gatekeeper asist qpr firstaid "
    "dissertation thesis "
    "safetalk webinar leaflet campaign fundraiser charity lecture ribbon screening questionnaire "
    "counselor counsellor helpline hotline samaritans lifeline papyrus 988 warning pharmacology toxicology"
)

# (id, category, pattern). Categories: passive_wish, active_thoughts, method, intent, plan_preparation,
# self_harm, attempt (a past attempt: urgent when recent or returning, gentle when long past), and the soft
# signals soft_hopeless, soft_burden, soft_trapped, soft_pointless, soft_stop, soft_exhausted.
RULES: list[tuple[str, str, str]] = [
    # -- wish to be dead (C-SSRS 1) --
    ("wish.dead", "passive_wish", "@WANT ~4 @DEAD"),
    ("wish.wish_not_here", "passive_wish", "wish ~4 @NEG ~1 here|around|alive|exist|born"),
    ("wish.if_not_wake", "passive_wish", "if ~4 @NEG ~2 wake"),
    ("wish.not_want_wake", "passive_wish", "@NEG ~1 want ~2 wake"),
    (
        "wish.crash_fine",
        "passive_wish",
        "car|bus|truck|plane|train ~4 crash|swerve|hit|go|down ~8 fine|ok|okay|mind|relieve|relief|care|welcome",
    ),
    ("wish.want_out", "passive_wish", "want ~1 out"),
    ("wish.not_wake", "passive_wish", "@WANT|mind|fine|okay|ok ~6 @NEG ~2 wake"),
    ("wish.sleep_forever", "passive_wish", "sleep|asleep ~6 @NEG|never ~2 wake|come"),
    ("wish.not_make_it", "passive_wish", "@NEG ~2 care|mind ~3 if ~1 i ~3 @NEG|never ~1 make ~1 it|back|home"),
    ("wish.ok_not_surviving", "passive_wish", "ok|okay|fine|alright ~2 with ~2 @NEG ~1 survive|surviving|make|making"),
    ("wish.get_hit", "passive_wish", "@WANT ~4 get|be ~1 hit|run ~2 by|over ~2 a|the ~1 car|bus|truck|lorry|train"),
    ("wish.relieved_die", "passive_wish", "relieve|relieved|glad|grateful ~2 to ~1 die"),
    ("wish.not_here_anymore", "passive_wish", "wish|want ~8 @NEG ~1 be ~1 here|alive|around ~1 anymore"),
    ("wish.live_or_die", "passive_wish", "@NEG ~2 care|matter|bother|mind ~5 live|living|alive ~2 or ~1 die|dead|not"),
    ("wish.take_me_away", "passive_wish", "@WANT|welcome ~6 god|universe|death|something|someone|it ~2 take ~1 me"),
    ("wish.happen_to_me", "passive_wish", "@WANT ~3 something|anything ~1 happen ~1 to ~1 me"),
    ("wish.get_illness", "passive_wish", "@WANT ~3 i ~1 have|get|catch|develop ~2 cancer|tumour|tumor|terminal"),
    ("wish.not_worth", "passive_wish", "@NEG ~3 worth ~2 live|living|life|alive"),
    ("wish.life_not_worth", "passive_wish", "life ~3 @NEG ~2 worth ~1 it"),
    ("wish.ready_die", "passive_wish", "ready ~2 to ~1 die"),
    ("wish.would_like", "passive_wish", "would ~1 like|love ~3 @DEAD"),
    ("wish.ok_dying", "passive_wish", "okay|ok|fine|alright ~2 with ~1 die|dying|death|dead"),
    ("wish.not_mind", "passive_wish", "@NEG ~2 mind ~4 die|dead|death|dying"),
    ("wish.death_relief", "passive_wish", "death ~4 relief|peace|peaceful|welcome|mercy|gift|easier|better|rest !off"),
    ("wish.hate_alive", "passive_wish", "hate ~2 be ~1 alive"),
    ("wish.hate_existing", "passive_wish", "hate ~0 exist|existing|living"),
    (
        "wish.still_here",
        "passive_wish",
        "ugh|unfortunately|sadly|disappointed|annoyed ~3 still ~1 here|alive|breathing",
    ),
    (
        "wish.daydream",
        "passive_wish",
        "fantasize|fantasise|daydream|daydreaming ~6 @DEAD|sick|ill|cancer|accident|crash|hit",
    ),
    ("wish.god_take", "passive_wish", "god|lord ~3 take ~1 me"),
    ("wish.why_born", "passive_wish", "why ~4 i ~2 born"),
    (
        "wish.fine_if_not",
        "passive_wish",
        "fine|ok|okay|happy|better|peaceful ~4 if ~2 i ~3 @NEG ~1 exist|here|alive|around|wake",
    ),
    ("wish.think_not_here", "passive_wish", "@THINK ~2 about|of ~1 not ~2 be|exist|existing|wake|live|living"),
    ("wish.no_life", "passive_wish", "@NEG ~2 want ~3 life ~2 anymore"),
    ("wish.let_me_die", "passive_wish", "let ~1 me ~1 die|go ~1 now|already|please|forever"),
    ("wish.still_alive", "passive_wish", "why ~3 still ~1 alive|breathing"),
    (
        "wish.not_bad_if",
        "passive_wish",
        "@NEG ~3 bad|sad|upset|mind|care ~4 if ~8 hit|crash|die|dead|gone|kill|take|run ~2 me|over|by",
    ),
    ("wish.if_then_not_sad", "passive_wish", "if ~8 crash|down|hit|die|dead|kill ~8 @NEG ~3 sad|upset|cry|mind|bad"),
    ("wish.sleep_forever2", "passive_wish", "sleep|asleep ~1 forever"),
    ("wish.not_here", "passive_wish", "@NEG ~3 want ~3 be ~1 here|alive|around|exist"),
    ("wish.not_live", "passive_wish", "@NEG ~3 want ~3 live|living"),
    ("wish.not_exist", "passive_wish", "@WANT|rather ~4 @NEG ~1 exist|be"),
    ("wish.better_dead", "passive_wish", "better ~1 off ~1 dead"),
    ("wish.never_born", "passive_wish", "never ~2 be ~1 born"),
    (
        "wish.hit",
        "passive_wish",
        "@WANT|mind|fine|okay|ok ~5 bus|car|truck|lorry|train|plane ~4 hit|swerve|crash|go|run|kill",
    ),
    ("wish.died_sleep", "passive_wish", "die ~2 in ~1 my ~1 sleep"),
    ("wish.if_died", "passive_wish", "if ~1 i ~2 die|dead ~6 fine|okay|ok|relieve|relief|mind|care|good|easy|easier"),
    ("wish.terminal", "passive_wish", "terminal|illness|cancer ~8 relieve|relief|relieved"),
    ("wish.fade", "passive_wish", "fade ~1 out|away"),
    ("wish.stop_existing", "passive_wish", "stop ~1 exist|existing"),
    ("wish.feel_like_dying", "passive_wish", "feel ~1 like ~1 @DEAD"),
    ("wish.my_turn", "passive_wish", "wish ~3 my ~1 turn"),
    ("wish.dont_bother", "passive_wish", "@NEG ~1 bother ~1 look"),
    (
        "wish.easier_gone",
        "passive_wish",
        "easy|easier|better ~3 if ~2 i ~3 gone|dead|disappear|fade|vanish|here|around",
    ),
    ("wish.not_come_back", "passive_wish", "@NEG ~1 come ~1 back"),
    ("wish.tired_living", "passive_wish", "tired ~2 of ~1 live|living|life|be ~1 alive"),
    ("wish.done_life", "passive_wish", "done ~1 with ~1 life|living|everything"),
    ("wish.disappear_good", "passive_wish", "disappear|vanish ~2 for ~1 good|forever"),
    (
        "wish.relief_if",
        "passive_wish",
        "relief|relieve|mercy|nice|peaceful|easier ~8 if|when ~4 it ~2 end|over|stop|die|dead|gone",
    ),
    ("wish.envy_dead", "passive_wish", "envy|jealous ~6 dead|die|gone"),
    ("wish.take_me", "passive_wish", "@WANT ~6 would|could|to ~2 take|kill|get ~1 me"),
    ("wish.stop_breathing", "passive_wish", "stop|cease ~2 breathing|exist|existing|living"),
    ("wish.tired_alive", "passive_wish", "tired|sick|exhausted ~3 of ~2 alive|breathe|breathing|wake|waking|exist"),
    ("wish.rather_not", "passive_wish", "rather|prefer ~3 @NEG ~2 be|exist|here|alive|wake"),
    ("wish.no_longer", "passive_wish", "no ~1 longer ~2 exist|here|alive|around"),
    (
        "wish.illness",
        "passive_wish",
        "illness|cancer|accident|crash|attack|stroke|disease ~10 hope|wish|pray|welcome|relief|relieve|please",
    ),
    ("wish.never_wake", "passive_wish", "never ~2 open ~2 my ~1 eyes|wake"),
    ("wish.sleep_long", "passive_wish", "@WANT ~6 sleep ~6 forever|long"),
    (
        "wish.envy_death",
        "passive_wish",
        "envy|jealous|swap ~8 death|notices|obituaries|cemetery|grave|peacefully|rest|coffin|casket|hospice|buried",
    ),
    (
        "wish.if_illness",
        "passive_wish",
        "if ~3 cancer|illness|disease|heart|something ~4 come|came|take|took|found|give|gave ~8 "
        "let|mind|fight|fine|peace|relieve|relief|welcome",
    ),
    (
        "wish.if_happened",
        "passive_wish",
        "if ~8 hit|crash|swerve|fall|slip|slipped|down|die|died ~12 "
        "mind|fine|ok|okay|peace|relieved|relief|care|bothered|worst",
    ),
    (
        "wish.relief_if_ill",
        "passive_wish",
        "relieve|relief|fine|peace|welcome ~6 if ~6 terminal|cancer|illness|sick|die|dead|crash|hit|down",
    ),
    ("wish.worst_if", "passive_wish", "worst ~1 thing ~6 if"),
    ("wish.heart_give", "passive_wish", "hope|hoping|wish|pray ~4 heart ~3 give|gives|stop|stops"),
    ("wish.switch_off", "passive_wish", "switch|turn|clock ~2 me|myself|off ~3 off|for|permanently|forever|good"),
    ("wish.be_gone", "passive_wish", "nice|wish|want|would|rather|dissolve ~6 be ~1 gone"),
    ("wish.over_existing", "passive_wish", "over ~1 existing|existence|living|life"),
    ("wish.dead_easy", "passive_wish", "dead ~2 have ~2 it ~1 easy"),
    ("wish.welcome_death", "passive_wish", "welcome ~1 death"),
    ("wish.just_cease", "passive_wish", "just ~1 cease"),
    ("wish.not_care_if_died", "passive_wish", "@NEG ~3 care|mind|bothered ~3 if ~2 i ~2 die|dead|gone"),
    ("wish.all_end", "passive_wish", "@WANT ~3 it|everything|this ~2 all ~2 end|over|stop"),
    ("wish.should_not_alive", "passive_wish", "should ~1 not ~2 be ~1 alive|born"),
    ("wish.should_not_here", "passive_wish", "should ~1 not ~2 be ~1 here ~1 anymore|still"),
    ("wish.not_deserve_live", "passive_wish", "@NEG ~1 deserve ~2 live|exist|alive|life"),
    (
        "wish.death_sounds",
        "passive_wish",
        "dead|death|dying ~3 sound|seem|look ~2 peaceful|nice|appealing|easier|restful|inviting|tempting|comforting",
    ),
    (
        "wish.disappointed_woke",
        "passive_wish",
        "disappointed|gutted ~4 wake ~1 up !late|early|with|to|in|on|before|after|every|feeling|tired",
    ),
    (
        "wish.stop_waking",
        "passive_wish",
        "stop ~1 wake ~1 up !at|so|early|in|during|before|with|every|tired|feeling|and|at|crying|anxious",
    ),
    (
        "wish.heart_stop_mind",
        "passive_wish",
        "@NEG ~2 mind|care ~4 if ~2 my ~1 heart|breathing|life ~3 stop|end|give|fail|quit",
    ),
    ("wish.out_of_misery", "passive_wish", "@WANT|would|someone|somebody|god|please ~4 put ~1 me ~1 out ~2 misery"),
    ("wish.ready_over", "passive_wish", "ready ~3 it|everything|this ~2 all ~3 end|over|stop"),
    ("wish.count_down", "passive_wish", "count|counting ~4 until|till ~2 i ~1 can ~1 stop|rest $"),
    (
        "wish.no_treatment",
        "passive_wish",
        "@NEG ~3 bother|go|get|seek ~3 treat|treating|treatment|doctor|gp|checked|help ~8 if ~3 "
        "sick|ill|lump|cancer|found|something|anything",
    ),
    (
        "wish.if_ill_no_treatment",
        "passive_wish",
        "if ~4 sick|ill|lump|cancer|diagnosed ~8 @NEG ~3 bother|go|get|seek|fight ~3 treat|treating|treatment|doctor|"
        "gp|"
        "checked|it",
    ),
    ("wish.not_fight_if", "passive_wish", "@NEG ~2 fight|resist|stop ~2 it ~4 if ~3 something|anything ~1 happen"),
    ("wish.swallow_forever", "passive_wish", "swallow ~1 me ~2 forever|permanently"),
    ("wish.not_care_what_happens", "passive_wish", "@NEG ~2 care ~2 what ~1 happen ~2 to ~1 me"),
    ("wish.sleep_last", "passive_wish", "sleep|bed|asleep ~6 @WANT ~4 last|final ~1 time|night|one !of|for|before"),
    ("wish.not_get_up", "passive_wish", "lie|lay|down|close ~8 @NEG|never ~2 get ~2 up ~1 again|ever"),
    (
        "wish.fine_not_existing",
        "passive_wish",
        "fine|ok|okay|alright|content|peace ~3 with ~1 @NEG|never ~2 exist|existing|alive|here|wake|waking|breathing",
    ),
    (
        "wish.bad_news_glad",
        "passive_wish",
        "heart|scan|results|diagnosis|cancer|biopsy|tumour|tumor|lump|prognosis|cardiologist|oncologist|doctor|serious "
        "~12 "
        "almost|secretly|weirdly|strangely|oddly|part ~3 happy|glad|relieved|pleased|excited|relief|hopeful|calm",
    ),
    ("wish.pause_alive", "passive_wish", "stop|cease|pause|quit|finish|end|over ~3 be ~1 alive"),
    (
        "wish.hope_worse",
        "passive_wish",
        "turbulence|plane|flight|brakes|crash|car|wave|waves|current|ice ~12 hope|hoping|wish|wishing|pray|praying ~4 "
        "worse|crash|fail|sink|under",
    ),
    (
        "wish.be_erased",
        "passive_wish",
        "@WANT ~3 be ~1 erase|erased|delete|deleted|forget|forgotten|wipe|wiped|unborn !by",
    ),
    (
        "wish.easier_dead",
        "passive_wish",
        "easy|easier|simple|simpler|kinder|better|nicer ~3 to ~1 be|just ~1 dead|gone",
    ),
    (
        "wish.simpler_if",
        "passive_wish",
        "simple|simpler|kinder|happier|calmer ~3 if ~2 i ~3 gone|dead|disappear|fade|vanish|here|around",
    ),
    ("wish.should_be_me", "passive_wish", "should|wish ~3 be ~1 me ~4 instead|die|died|dead|grave|coffin"),
    ("wish.why_survived", "passive_wish", "why ~3 i ~1 survive|make ~1 it ~4 when|and|but ~3 @OTHER|mate|not"),
    ("wish.never_had_me", "passive_wish", "wish|should ~6 never|not ~2 have ~1 me"),
    ("wish.aborted", "passive_wish", "abort|aborted ~1 me"),
    (
        "wish.stay_under",
        "passive_wish",
        "@WANT|nice|rather|could|wish|love ~10 stay|remain ~2 drift|drifted|under|unconscious|sedated|gone "
        "!the|a|an|my|our|your|his|her|this|that|water|covers|duvet|blanket|until|till|for|budget|radar",
    ),
    (
        "wish.illness_take_me",
        "passive_wish",
        "if ~4 lightning|cancer|illness|virus|covid|disease|tumour|tumor|shark|wave|heart ~3 get|take|hit|strike|kill "
        "~1 me ~12 thank|thanks|grateful|glad|welcome|fine|relief|relieve|relieved|mind|ok|okay|peace|happy",
    ),
    ("wish.might_as_well", "passive_wish", "might|may ~1 as ~1 well ~2 be ~1 dead|gone|ghost|invisible"),
    ("wish.ghost", "passive_wish", "like ~2 ghost|corpse ~8 might|may ~1 as ~1 well"),
    (
        "wish.not_fight",
        "passive_wish",
        "car|ice|slide|slid|skid|wave|current|crash|truck|lorry|bus|water|undertow ~12 @NEG|never ~4 fight|resist "
        "~2 it|wheel|current|water|wave|back",
    ),
    (
        "wish.hope_illness",
        "passive_wish",
        "hope|hoping|wish|wishing|pray|praying ~4 cancer|illness|tumour|tumor|disease|lump ~4 "
        "come|back|return|spread|take|kill|win|worse|hurry|quicker|faster|finish",
    ),
    # -- active thoughts (C-SSRS 2) --
    ("active.myself_out", "active_thoughts", "take|finish|do|off ~1 myself ~1 out|off|in"),
    ("active.own_hand", "active_thoughts", "by ~1 my ~1 own ~1 hand"),
    ("active.check_out_perm", "active_thoughts", "check|checking ~1 out ~3 permanently|forever|good|choice"),
    ("active.want_join", "active_thoughts", "want|wanna|wish ~2 join|be ~2 with ~1 my ~1 @DEADKIN"),
    ("active.go_ctb", "active_thoughts", "go|gonna|decide ~3 catch ~2 bus"),
    ("active.join_dead", "active_thoughts", "join|with ~2 my ~1 @DEADKIN ~4 again|soon|above|heaven|there|now"),
    ("active.leave_good", "active_thoughts", "leave|go|gone ~2 for ~1 good"),
    ("active.done_all", "active_thoughts", "be ~1 done ~2 with ~2 it ~1 all"),
    ("active.killself", "active_thoughts", "@KILLSELF"),
    ("active.kill_myself", "active_thoughts", "kill|end|off|top|unalive|delete ~1 myself"),
    ("active.self_delete", "active_thoughts", "self ~1 delete"),
    ("active.end_life", "active_thoughts", "end|take|ending|taking|finish|stop ~1 my ~1 own|life"),
    ("active.do_something", "self_harm", "do ~2 something|anything ~2 to ~1 myself"),
    (
        "active.voice",
        "active_thoughts",
        "brain|head|voice|voices|mind ~6 say|tell ~4 kill|end|hurt|cut ~1 yourself|myself",
    ),
    ("active.end_it", "active_thoughts", "end|ending ~1 it|things|everything ~1 all"),
    ("active.end_it2", "active_thoughts", "@THINK|want|wanna|just|about|of|keep ~3 end|ending ~1 it|things|everything"),
    ("active.catch_bus", "active_thoughts", "catch|catching ~2 bus ~5 again|other|thought|thinking|about|want"),
    ("active.catch_bus2", "active_thoughts", "@THINK ~3 catch ~2 bus"),
    ("active.check_out", "active_thoughts", "check|checking ~1 out ~1 for ~1 good"),
    ("active.not_around", "active_thoughts", "@NEG ~2 be ~1 around|here ~2 much ~1 long|longer"),
    ("active.out_picture", "active_thoughts", "myself ~1 out ~2 picture"),
    ("active.thoughts_dying", "active_thoughts", "thought|thoughts|think ~2 about|of ~1 die|dying|death"),
    ("active.yeet", "active_thoughts", "yeet ~1 myself"),
    ("active.cowards_way", "active_thoughts", "coward|cowards ~1 way ~1 out"),
    ("active.want_to_rope", "method", "want ~1 to ~1 rope !swing|climb|climbing|off|in|a|the|them|him|her|my"),
    ("active.urge_to_die", "active_thoughts", "urge|urges|pull|desire|compulsion ~2 to ~1 die"),
    (
        "active.urge_to_end_it",
        "active_thoughts",
        "urge|urges|pull|desire|compulsion ~2 to ~1 end ~1 it|things|everything|my|myself",
    ),
    ("active.not_safe_alone", "active_thoughts", "i ~3 @NEG ~2 safe ~2 be ~1 alone"),
    ("active.not_safe_myself", "active_thoughts", "@NEG ~2 safe ~2 with|around|from ~1 myself"),
    ("active.how_stop_alive", "active_thoughts", "how ~3 stop|end|quit|cease ~2 be ~1 alive|living|here"),
    (
        "active.join_kin",
        "active_thoughts",
        "@WANT|ready ~3 join ~1 my ~1 @DEADKIN !at|in|for|on|and|tonight|tomorrow|later|when|to|after|this|next|"
        "there|down|out|the|a",
    ),
    # -- method (C-SSRS 3) --
    ("method.pills_hoard", "method", "stockpile|hoard|stash ~4 @PILLS"),
    (
        "method.pills_count",
        "method",
        "count|save|collect ~4 @PILLS ~6 enough|up|all|drawer|cabinet|hide|hid|hidden|hiding|secret|case|stash|lethal|"
        "kill|die|overdose|just|left|how|many|again|twice|tonight|why",
    ),
    ("method.pills_save_up", "method", "save|saving|saved ~1 up ~3 @PILLS"),
    (
        "method.kept_old_pills",
        "method",
        "keep|kept|keeping ~3 old|leftover|unused|left ~2 @PILLS|prescriptions",
    ),
    ("method.look_differently", "method", "look|looking|see|seeing ~4 @PILLS|@MEANS ~6 differently"),
    ("method.pills_again", "method", "@THINK ~3 the ~1 @PILLS ~2 again|exit"),
    ("method.stockpile", "method", "stockpile|stockpiling|hoard|hoarding ~6 exit|out|enough|way"),
    ("method.pills_all", "method", "take|swallow ~3 whole|all ~2 @PILLS"),
    ("method.how_many", "method", "how ~1 many ~5 take|need|kill|enough"),
    ("method.google", "method", "google|search|look|research ~4 how|whether|which|lethal|painless|way"),
    ("method.lethal", "method", "lethal|fatal ~1 dose|amount"),
    ("method.overdose", "method", "overdose|overdosing"),
    ("method.rope", "method", "rope|noose|ligature ~10 hold|neck|beam|hang|strong|weight"),
    ("method.hold_weight", "method", "@LIGATURE|beam|hook|banister|branch ~10 hold|take|support ~2 my ~1 weight"),
    (
        "method.how_high",
        "method",
        "check|checking|measure|wonder|look|count ~3 how|which|what ~1 high|far|tall|floor|storey ~6 "
        "@HIGH|drop|fall|down",
    ),
    ("method.high_how", "method", "@HIGH ~6 how ~1 high|far"),
    (
        "method.calling",
        "method",
        "knife|knives|blade|blades|razor|pill|pills|tablets|rope|bridge|tracks|railway|train|trains|gun|cliff|edge|"
        "ledge|roof|balcony|river|traffic ~6 call|calling|whisper|whispering ~1 me|to",
    ),
    ("method.bleed_out", "method", "bleed ~1 out"),
    ("method.ligature_anchor", "method", "rope|noose|ligature|scarf|dupatta|belt ~10 beam|banister|rafter"),
    ("method.ligature_fan", "method", "rope|noose|ligature|scarf|dupatta ~10 fan"),
    ("method.anchor_ligature", "method", "beam|banister|fan|rafter ~10 rope|noose|ligature|scarf|dupatta"),
    ("method.pull", "method", "@HIGH|tracks ~8 pull|urge|tempt|tempting|drawn"),
    ("method.pull_to", "method", "pull|urge|drawn ~8 @HIGH|tracks"),
    (
        "method.attention",
        "method",
        "look|stare|eye|fixate|drawn ~4 the|my|that ~1 "
        "rope|noose|ligature|blade|blades|razor|razors|gun|shotgun|ledge|overpass|stash",
    ),
    ("method.way_out", "method", "@MEANS|@HIGH ~10 as|only|easy|easiest|quickest|simple|best ~2 way ~1 out|escape"),
    ("method.hang", "method", "hang ~1 myself"),
    ("method.gun", "method", "gun|pistol|rifle|shotgun ~8 @THINK|use|myself|head"),
    ("method.shoot", "method", "shoot ~1 myself"),
    ("method.high", "method", "@HIGH ~8 @THINK|jump|step|fall|edge|over|long|stand|highest|floor|go"),
    ("method.jump", "method", "jump|step|throw ~2 off|from|in ~1 front|under"),
    ("method.train", "method", "the|a ~1 train|tracks|railway ~10 @THINK|every|step|front"),
    (
        "method.drive",
        "method",
        "drive|crash|swerve ~3 into|off ~2 pillar|tree|wall|truck|lorry|cliff|bridge|river|barrier",
    ),
    ("method.car_garage", "method", "car ~3 garage|exhaust|engine"),
    ("method.drown", "method", "drown|drowning ~1 myself"),
    (
        "method.research_act",
        "method",
        "research|google|googling|search ~3 hang|hanging|drown|drowning|overdose|overdosing|monoxide|suffocate|"
        "suffocation",
    ),
    ("method.overboard", "method", "jump|jumping ~2 overboard"),
    (
        "method.would_kill_me",
        "method",
        "product|products|chemical|chemicals|bleach|cleaner|poison|@PILLS ~6 kill ~1 me ~3 if ~2 drink|take|swallow",
    ),
    ("method.fumes_do_it", "method", "monoxide|exhaust|fumes ~10 i ~2 could|would|should ~1 do ~1 it"),
    ("method.urge_take_all", "method", "urge|urges|tempt|tempted|temptation ~3 take|swallow ~1 them|all"),
    ("plan.day_i_die", "plan_preparation", "choose|chose|chosen|pick|picked|set ~6 day|date ~2 i ~1 die|end|go"),
    ("method.walk_sea", "method", "walk ~2 into ~2 sea|ocean|river|lake|water"),
    ("method.wrists", "method", "slit|open ~2 my ~1 wrist|wrists|throat|vein|veins"),
    ("method.razor", "method", "razor|blade ~6 different ~1 way"),
    ("method.where_go", "method", "that|where ~2 be ~1 where ~2 i ~2 go"),
    ("method.do_it", "method", "if ~1 i ~1 do ~1 it ~4 be ~3 the"),
    ("method.accident", "method", "look ~1 like ~1 accident"),
    ("method.picture_stepping", "method", "picture|picturing|imagine ~3 myself ~1 step|jump|fall|hang"),
    ("method.means_cue", "method", "@MEANS ~8 @CUE"),
    ("method.cue_means", "method", "@CUE ~8 @MEANS"),
    ("method.how_to", "method", "how ~2 to ~3 do ~1 it|die|end|overdose|hang"),
    ("method.amount", "method", "how ~1 much|many ~6 would ~2 take|need|do|kill"),
    ("method.think_means", "method", "@THINK ~8 @MEANS"),
    ("method.look_means", "method", "stare|staring|eye|eyeing|imagine ~6 @MEANS"),
    ("method.pills_saved", "method", "@PILLS ~5 save|saved|stash|stashed|hoard|hoarded|hidden|collect|collected"),
    ("method.look_up_pills", "method", "look ~1 up ~6 @PILLS ~6 liver|lethal|kill|die|enough|overdose|fatal|reason"),
    (
        "method.going_in",
        "method",
        "river|sea|lake|canal|edge|bridge|cliff|water ~10 @THINK ~2 about ~1 go ~1 in|under|over|off",
    ),
    ("method.means_thinking", "method", "@MEANS ~12 @THINK ~2 about|of ~1 it"),
    ("method.how_people", "method", "how ~1 people ~1 do ~1 it"),
    ("method.what_if", "method", "what ~1 if ~1 i ~2 drink|take|jump|swallow|drive|step|stop"),
    ("method.would_do_it", "method", "would ~1 do ~1 it|work|kill|enough"),
    ("method.ways", "method", "way|ways ~2 to ~1 do ~1 it|die|end"),
    ("method.how_feel", "method", "how ~3 feel ~2 to ~1 fall|jump|die|hang|drown"),
    ("method.steer", "method", "steer|steering|swerve|drive ~3 into ~3 oncoming|traffic|lane|tree|wall|lorry|truck"),
    ("method.pills_drink", "method", "@PILLS|meds|tablets ~4 with|and|down ~3 whiskey|vodka|wine|alcohol|booze|drink"),
    ("method.cold_takes", "method", "till|until ~3 cold|water|sea ~2 take|takes ~1 me"),
    (
        "method.count_enough",
        "method",
        "count|counting|counted|work|working|figure|calculate ~8 @PILLS ~14 enough|lethal|fatal",
    ),
    (
        "method.wheel",
        "method",
        "turn|jerk|yank|pull|steer|wrench ~3 wheel ~4 into|toward|towards|off ~3 "
        "pillar|tree|wall|truck|lorry|traffic|oncoming|barrier|bridge|river|cliff|bus|edge|post",
    ),
    (
        "method.how_easy",
        "method",
        "how ~1 easy|quick|simple|tempting ~4 be ~5 jump|step|swallow|swerve|crash|drown|overdose|hang|wheel|jerk",
    ),
    (
        "method.ligature_look",
        "method",
        "rope|noose|belt|cord|ligature ~20 look|stare|staring|eye|eyeing|glance ~3 at ~1 the ~1 "
        "beam|banister|rafter|rafters|hook|loft",
    ),
    (
        "method.edge_closer",
        "method",
        "stand|stood|step|stepped|inch|inched|lean|leaned|move|moved|get|got ~5 closer|further|nearer|forward ~4 "
        "platform|edge|ledge|tracks|railing|drop ~4 each|every ~1 day|time|morning|night|week|visit",
    ),
    (
        "method.keep_closer",
        "method",
        "keep|keeping ~2 stand|standing|step|stepping|get|getting|inch|inching|move|moving ~2 closer|nearer|further|"
        "forward ~4 platform|edge|ledge|tracks|railing|drop",
    ),
    (
        "method.closer_to_tracks",
        "method",
        "stand|stood|step|stepped|lean|leaned ~4 closer|nearer ~2 to ~1 the ~1 tracks|ledge|drop",
    ),
    ("method.gun_access", "method", "gun|pistol|rifle|shotgun|firearm|revolver ~12 know ~3 code|combination|key|where"),
    ("method.know_gun", "method", "know ~3 where|code|combination|key ~8 gun|pistol|rifle|shotgun|firearm|revolver"),
    (
        "method.measure_drop",
        "method",
        "measure|measuring|check|checking|judge|judging|estimate|eye|eyeing|calculate ~4 drop|height|distance|fall "
        "~10 @HIGH|water|river|ground|bottom|eyes",
    ),
    (
        "method.high_measure",
        "method",
        "@HIGH ~14 measure|measuring|judge|judging|estimate|estimating|eye|eyeing|calculate|calculating ~3 "
        "drop|height|fall",
    ),
    (
        "method.mix",
        "method",
        "mix|mixing|combine|combining ~4 vodka|whiskey|wine|alcohol|booze|gin|rum|drink|beer ~4 with|and ~4 @PILLS",
    ),
    (
        "method.mix_pills",
        "method",
        "mix|mixing|combine|combining ~4 @PILLS ~4 with|and ~4 vodka|whiskey|wine|alcohol|booze|gin|rum|drink|beer",
    ),
    (
        "method.what_it_would_do",
        "method",
        "@PILLS|@MEANS ~12 what ~3 would|could|will ~1 do ~1 to ~2 me|someone|body|my|size|weight",
    ),
    ("method.my_size", "method", "@PILLS|@MEANS|enough|dose ~12 someone|person|body ~1 my|of ~1 size|weight"),
    (
        "method.not_scared_off",
        "method",
        "@PILLS|@MEANS|liver|lethal|overdose ~12 @NEG ~2 scare|put|deter ~1 me ~1 off",
    ),
    (
        "method.use_on_myself",
        "method",
        "@THINK ~4 use|using|turn|turning ~3 it|that|them|this|those|knife|gun|blade|insulin ~2 on ~1 myself",
    ),
    (
        "method.least_painful",
        "method",
        "forum|forums|read|reading|research|researching|google|googling|search|searching|look|looking ~6 "
        "least ~1 painful|messy|violent ~2 way|ways|method|methods|option",
    ),
    (
        "method.least_painful_die",
        "method",
        "least ~1 painful|messy|violent ~2 way|ways|method|methods ~3 die|end|go|it",
    ),
    ("method.painless_death", "method", "painless|quickest|surest|quietest ~2 death|exit"),
    (
        "method.painless_way",
        "method",
        "painless|surest|quietest ~2 way|ways|method|methods|option ~3 die|end|go|it|out",
    ),
    (
        "method.extra_refills",
        "method",
        "early|extra|spare ~2 refill|refills|repeat|repeats|prescription|prescriptions|script|scripts ~8 "
        "extra|spare|stock|stash|enough|more|plenty|save|saving|stockpile|hoard",
    ),
    (
        "method.means_then_think",
        "method",
        "@MEANS ~16 @THINK ~2 about|of ~1 drink|drinking|swallow|swallowing|take|taking|use|using|jump|jumping ~1 "
        "it|them|that|off",
    ),
    (
        "method.ligature_neck",
        "method",
        "belt|rope|noose|cord|cable|ligature|strap|flex ~4 round|around ~2 my ~1 neck|throat",
    ),
    ("method.thinking_how", "method", "@DEAD|suicide|kill ~8 @THINK ~2 about|of ~1 how|where|when $"),
    ("method.which_means", "method", "which|what ~2 @HIGH|@MEANS ~3 i ~1 would|will ~1 use|do|pick|choose"),
    ("method.look_wonder", "method", "look|looking|stare|staring ~4 @HIGH ~4 wonder|wondering $"),
    ("method.engine_garage", "method", "garage ~10 engine|exhaust ~2 run|running|on"),
    ("method.engine_running", "method", "engine|exhaust ~3 run|running|on ~8 garage"),
    (
        "method.pills_shops",
        "method",
        "@PILLS ~8 different|several|multiple|separate|@NUMBER ~1 shops|pharmacies|chemists|stores|supermarkets",
    ),
    (
        "method.night_tracks",
        "method",
        "walk|walking|walked|sit|sitting|sat|stand|standing|stood ~4 tracks|railway ~6 night|alone|dark|hours",
    ),
    ("method.blade_just_in_case", "method", "blade|blades|razor|razors ~8 just ~1 in ~1 case"),
    (
        "method.sat_with_means",
        "method",
        "sat|sit|sitting ~4 with ~2 razor|blade|blades|knife|pills|tablets|rope|gun|belt|noose ~6 "
        "hour|hours|ages|long|minutes|night|bath|bathroom",
    ),
    (
        "method.visit_every_night",
        "method",
        "visit|visiting|go|going|walk|walking|drive|driving ~4 bridge|cliff|cliffs|tracks|ledge|quarry|railway ~4 "
        "every ~1 night|evening",
    ),
    (
        "method.crash_on_purpose",
        "method",
        "crash|crashing|wreck|wrecking|drive|driving|steer|swerve ~3 car|ute|truck|van|bike ~6 purpose|deliberately|"
        "intentionally",
    ),
    (
        "method.on_the_edge",
        "method",
        "stand|stood|standing|sat|sit|climb|climbed ~3 on|onto|at|over ~2 the ~1 edge|ledge|parapet|railing|"
        "railings ~3 of ~2 @HIGH",
    ),
    (
        "method.picture_car",
        "method",
        "picture|picturing|imagine|imagining|see|think ~4 my ~1 car|ute|truck|van|bike|motorbike|motorcycle ~4 "
        "go|going|drive|crash|smash|slam|plough|plow|veer|swerve ~2 into|off|over|through",
    ),
    (
        "method.hand_on_hob",
        "self_harm",
        "palm|hand|hands|arm|fingers|finger|wrist ~4 on ~2 hob|stove|iron|hotplate|grill|radiator ~4 "
        "second|seconds|purpose|long|until|till",
    ),
    (
        "method.pills_hidden",
        "method",
        "@PILLS ~12 hidden|hide|hid|hiding|stash|stashed|envelope|sandwich|sock|mattress|secret",
    ),
    # -- intent (C-SSRS 4) --
    ("intent.day_is", "intent", "@FUTURE ~3 be ~2 it|the ~1 night|day|end !of"),
    ("intent.no_more", "intent", "this ~1 be ~1 it ~3 goodbye|done|over|end|bye"),
    ("intent.wont_hear", "intent", "@NEG ~2 see|hear ~2 from ~1 me ~2 again"),
    ("intent.goodbye_real", "intent", "goodbye|bye ~2 for ~1 real|good|ever"),
    ("intent.go_through", "intent", "go|going ~1 through ~1 with ~1 it"),
    ("intent.ending_before", "intent", "end|ending ~1 things|it|everything ~3 before|tonight|soon|this|when|after"),
    ("intent.weekend_it", "intent", "@FUTURE ~3 be ~1 it"),
    ("intent.final_entry", "intent", "final|last ~1 entry"),
    ("intent.not_coming_back", "intent", "go|going ~6 @NEG ~1 come ~1 back"),
    ("intent.go_do_it", "intent", "go ~1 to ~1 do ~1 it"),
    ("intent.follow_through", "intent", "go|going|will|ready|gonna ~3 follow ~1 through"),
    (
        "intent.going_to",
        "intent",
        "go|will|ready|plan|decide|gonna|ill ~3 do|go ~2 it|through ~2 this|with|time|tonight|weekend|soon|tomorrow",
    ),
    ("intent.going_to_kill", "intent", "go|will|ready|decide ~3 kill|end|finish ~1 myself|it|things|my"),
    ("intent.doing_it", "intent", "i ~1 be ~1 do ~1 it"),
    ("intent.decided", "intent", "decide|decided|mind ~2 made|up !to|about|on"),
    ("intent.its_decided", "intent", "it ~1 be ~1 decide|decided|happen|happening"),
    ("intent.made_mind", "intent", "make ~1 up ~1 my ~1 mind !about|on|to"),
    ("intent.last_entry", "intent", "last ~1 entry|time ~3 write|writing|here"),
    ("intent.this_is_last", "intent", "this ~1 be ~1 the ~1 last ~1 entry|time|page"),
    ("intent.wont_be_here", "intent", "@NEG ~2 be ~1 here|around ~3 for|by|next|after|birthday|christmas"),
    ("intent.no_next", "intent", "@NEG|no|wont ~2 be ~1 a ~1 next ~1 week|time|session|month"),
    ("intent.gone_before", "intent", "be ~1 gone ~1 before|by"),
    ("intent.tonight", "intent", "tonight ~1 be ~1 the ~1 night !of"),
    ("intent.act", "intent", "act ~1 on ~2 it|them|thought|thoughts|urge|urges|impulse|impulses|feeling|feelings"),
    ("intent.decided_end", "intent", "i ~2 decide|decided $"),
    ("intent.going_jump", "intent", "go|will|gonna|plan ~3 jump|overdose|od ~0 @FUTURE|today|now|tonight"),
    ("intent.what_to_do", "intent", "know ~1 what ~2 go ~1 to ~1 do"),
    ("intent.finish_it", "intent", "finish ~1 it|this|things"),
    ("intent.not_scared", "intent", "@NEG ~2 scared|afraid ~1 anymore"),
    ("intent.calm_decided", "intent", "decided ~6 calm"),
    ("intent.stupid", "intent", "do ~2 anything|something ~1 stupid"),
    ("intent.slot", "intent", "give|cancel ~3 my ~1 slot|appointment|session ~6 someone|need|else"),
    ("intent.talking_out", "intent", "talk ~1 me ~1 out ~1 of"),
    (
        "intent.might_be_last",
        "intent",
        "hug|hugged|kiss|kissed|held|hold|see|saw|told|tell|call|called|ring|rang ~10 might|could|may ~2 be ~1 the ~1 "
        "last ~1 time $",
    ),
    ("intent.made_peace", "intent", "make|made ~1 my ~1 peace ~6 ready|go|goodbye|leave"),
    ("intent.read_this", "intent", "by|when ~3 read|reading|find ~1 this ~6 gone|dead|over|peace|late"),
    ("intent.plan_know_when", "intent", "have|got|make ~1 a ~1 plan ~3 i ~1 know ~1 when|how|where $"),
    ("intent.going_to_go", "intent", "after|once ~8 i ~2 go ~1 to ~1 go $"),
    (
        "intent.not_see_birthday",
        "intent",
        "@NEG|never ~2 see|reach ~2 my|next|another ~1 @MILESTONE !like|with|without|at|in|party|present|presents",
    ),
    ("intent.not_live_to_see", "intent", "@NEG|never ~1 live ~2 see ~3 @MILESTONE"),
    ("intent.thats_when", "intent", "that ~1 be ~1 when $"),
    (
        "intent.soon_not_problem",
        "intent",
        "soon|tomorrow|tonight|shortly ~6 @NEG|no ~2 be|longer ~3 problem|burden|bother|trouble",
    ),
    # -- plan and preparation (C-SSRS 5) --
    ("plan.note", "plan_preparation", "draft|write|wrote|leave|leaving ~3 note|notes|letter|letters|goodbye"),
    ("plan.suicide_note", "plan_preparation", "suicide|goodbye|farewell ~1 note|letter|email|message|text|video"),
    ("plan.goodbye", "plan_preparation", "say|said|saying ~2 goodbye|goodbyes|bye"),
    ("plan.its_goodbye", "plan_preparation", "it|this ~1 be ~1 goodbye !to|for"),
    (
        "plan.give_away",
        "plan_preparation",
        "give|gave|giving ~4 away|guitar|cat|dog|belongings|things|stuff|collection|vinyls|records|plants|jewellery|"
        "jewelry|possessions|tools|paintings",
    ),
    ("plan.who_gets", "plan_preparation", "who ~1 get|gets ~2 what"),
    ("plan.when_gone", "plan_preparation", "when|after|once ~1 i ~1 be|am ~1 gone"),
    ("plan.affairs", "plan_preparation", "affairs ~2 order"),
    (
        "plan.tidy_affairs",
        "plan_preparation",
        "tidy|tidying|sort|sorting|settle|settling|put|putting|get|getting ~3 affairs",
    ),
    ("plan.loose_ends", "plan_preparation", "tie|tying ~1 up ~1 loose ~1 ends"),
    ("plan.will", "plan_preparation", "update|write|make|wrote|updated|made ~2 my|a ~1 will"),
    ("plan.will_songs", "plan_preparation", "funeral ~3 song|songs|music|plan|plans|wishes"),
    ("plan.passwords", "plan_preparation", "write|wrote ~3 passwords ~5 so|for"),
    (
        "plan.all_passwords",
        "plan_preparation",
        "write|put|leave|list|save|share|give ~3 all ~2 password|passwords|pins",
    ),
    ("plan.nobody_finds", "plan_preparation", "nobody|whoever ~3 find|found ~1 me|my ~1 body"),
    (
        "plan.last_time_people",
        "plan_preparation",
        "everyone|everybody|family|kids|children ~8 one ~1 last ~1 time",
    ),
    ("plan.insurance", "plan_preparation", "insurance|policy ~10 pay|payout|paid|suicide|if|myself"),
    (
        "plan.bought",
        "plan_preparation",
        "buy|bought|order|ordered|got ~2 the ~1 stuff|rope|blade|blades|charcoal|gun|pills",
    ),
    (
        "plan.saving_meds",
        "plan_preparation",
        "save|saving|hoard|hoarding|stockpile|stockpiling ~3 up ~1 my ~1 meds|pills|tablets",
    ),
    ("plan.almost_enough", "plan_preparation", "almost|nearly|finally ~1 enough"),
    (
        "plan.practise",
        "plan_preparation",
        "practise|practice|practised|practiced|rehearse|rehearsal|test|tested ~4 it|knot|run|if|whether|hold|see",
    ),
    ("plan.date", "plan_preparation", "pick|picked|chose|choose|set ~2 a|the ~1 date|day"),
    ("plan.set_up", "plan_preparation", "set ~1 everything|it|things ~1 up ~8 garage|go|through|sat|night"),
    ("plan.whoever_finds", "plan_preparation", "whoever|who ~2 find|finds"),
    ("plan.go_through", "plan_preparation", "@NEG ~2 go ~1 through ~1 with ~1 it ~2 yet"),
    ("plan.love_them", "plan_preparation", "text|call|message|ring|phone|visit ~5 to ~1 say|tell ~2 i ~1 love"),
    ("plan.scheduled", "plan_preparation", "schedule|scheduled ~4 send|sent|email|post"),
    (
        "plan.goodbye_any",
        "plan_preparation",
        "write|wrote|draft|record|film|leave|send|schedule|text|post|film|left|sent|recorded ~4 @GOODBYE",
    ),
    (
        "plan.look_after",
        "plan_preparation",
        "look|care|feed|take ~3 after|of|care ~2 dog|cat|kids|pets|children|them ~4 when|after|once|if ~2 i",
    ),
    (
        "plan.arranged_care",
        "plan_preparation",
        "arrange|arranged|sort|sorted|ask|asked ~6 take|have|keep ~2 my ~1 dog|cat|kids|pets|rabbit|children",
    ),
    (
        "plan.delete",
        "plan_preparation",
        "delete|deleted|wipe|wiped ~4 account|accounts|photos|instagram|facebook|"
        "history|everything ~6 so|before|nobody|no",
    ),
    (
        "plan.debts",
        "plan_preparation",
        "pay|paid|cancel|cancelled|canceled ~4 debt|debts|card|subscriptions|"
        "everything ~6 so|before|nobody|no ~2 one|stuck|left",
    ),
    ("plan.place_time", "plan_preparation", "chose|choose|pick|picked|found ~2 the ~1 place|spot|time|day|night"),
    ("plan.finds_me", "plan_preparation", "to ~1 find|finds ~1 me"),
    ("plan.finds_body", "plan_preparation", "find|finds|found ~2 my ~1 body"),
    (
        "plan.before_go",
        "plan_preparation",
        "loose|square|sorted|tidy|settled|order ~8 before ~2 i ~1 go|leave|die|end|gone",
    ),
    ("plan.funeral", "plan_preparation", "funeral ~4 price|prices|home|director|place|for|song|songs|music"),
    ("plan.songs_funeral", "plan_preparation", "song|songs|music ~4 funeral"),
    (
        "plan.cancel_session",
        "plan_preparation",
        "cancel|cancelled ~3 session|sessions|appointment|therapy ~6 need|needing|point",
    ),
    ("plan.rehome", "plan_preparation", "rehome|rehomed|rehoming"),
    ("plan.last_time_secret", "plan_preparation", "one ~1 last ~1 time ~4 not ~1 tell|know"),
    ("plan.when_not_here", "plan_preparation", "when ~6 not ~1 here|around"),
    ("plan.whoever_comes", "plan_preparation", "whoever ~3 come|comes|find|finds|after"),
    (
        "plan.bought_means",
        "plan_preparation",
        "buy|bought|order|ordered|got ~3 rope|blade|blades|charcoal|gun|ligature|noose|razor|razors|hose",
    ),
    (
        "plan.arranged_kids",
        "plan_preparation",
        "arrange|arranged|ask|asked ~6 take|have|keep|look|mind|feed ~2 the|my ~1 dog|cat|kids|pets|children|fish",
    ),
    ("plan.if_anything", "plan_preparation", "if ~1 anything ~1 happen ~2 to ~1 me"),
    ("plan.afterwards", "plan_preparation", "for ~1 afterwards"),
    (
        "plan.outside_railing",
        "plan_preparation",
        "outside|other|over ~4 railing|railings|barrier|barriers|balustrade ~4 @HIGH",
    ),
    (
        "plan.who_gets_what",
        "plan_preparation",
        "sort|sorted|decide|decided|figure|figured|work|worked|write|wrote|arrange|arranged|plan|planned ~3 who ~1 "
        "get|gets|take|takes|have|keep|look|feed ~3 my|the ~1 "
        "cat|dog|pets|kids|car|house|flat|stuff|things|guitar|money|savings|records|books|plants|rabbit|children",
    ),
    (
        "plan.pills_held",
        "plan_preparation",
        "hold|held|holding|stare|stared|staring|sit|sat|count|counted|pour|poured|tip|tipped ~4 "
        "handful|fistful|pile ~2 of ~1 @PILLS",
    ),
    (
        "plan.pills_gathered",
        "plan_preparation",
        "get|got|put|gather|gathered|collect|collected|line|lined ~3 @PILLS ~1 together|aside|lined",
    ),
    (
        "plan.hotel_to_do_it",
        "plan_preparation",
        "book|booked|rent|rented ~6 hotel|room|airbnb|motel|cabin ~8 to ~1 do ~1 it",
    ),
    (
        "plan.where_go_over",
        "plan_preparation",
        "check|checking|scout|scouting|look|looking|figure|see|work|recce|plan|planning ~4 where ~1 i ~2 "
        "go|jump|step|fall|drop ~1 over|off|from",
    ),
    (
        "plan.gun_with_me",
        "plan_preparation",
        "gun|pistol|rifle|shotgun|firearm|revolver ~4 in|into ~2 glovebox|pocket|bag|backpack|waistband|car|coat ~10 "
        "drive|drove|sit|sat|around|alone|night|tonight|walk|walked",
    ),
    ("plan.open_later", "plan_preparation", "envelope|letter|letters|note|notes ~8 open ~2 later|after|afterwards"),
    ("plan.open_when_gone", "plan_preparation", "envelope|letter|letters|note|notes ~8 open ~2 when ~1 i ~2 gone"),
    (
        "plan.finish_before",
        "plan_preparation",
        "everything|things|stuff|list|jobs|tasks ~6 finish|sort|tidy|fix|sorted ~2 before $",
    ),
    ("plan.need_where_going", "plan_preparation", "@NEG ~2 need ~4 where ~1 i ~1 go"),
    (
        "plan.wont_be_needing",
        "plan_preparation",
        "will ~1 not ~1 be ~1 need ~2 it|them|that|those|this|any|anything|much|place|flat|house|room|car|stuff|things "
        "$",
    ),
    ("plan.done_before_end", "plan_preparation", "done|sorted|finished|said|fixed|tidy ~3 before ~1 the ~1 end $"),
    (
        "plan.nobody_deals_after",
        "plan_preparation",
        "nobody|noone|one ~4 deal|clean|sort|tidy|handle ~6 after|afterwards $",
    ),
    (
        "plan.message_for_later",
        "plan_preparation",
        "record|recorded|film|filmed|write|wrote ~3 video|message|letter|letters ~3 for ~1 my ~1 @OTHER|kids|children "
        "~6 "
        "watch|read|open|older|grow|grown",
    ),
    (
        "plan.sends_itself",
        "plan_preparation",
        "email|emails|message|messages|text|texts|post|posts|letter ~4 send|post ~1 itself",
    ),
    (
        "plan.spot_make_sure",
        "plan_preparation",
        "spot|place|@HIGH ~12 make ~1 sure ~2 nobody|noone ~3 go|goes|come|comes|around|there|see|sees|find|finds",
    ),
    ("plan.right_night", "plan_preparation", "wait|waiting ~3 right|perfect ~1 night|moment|day $"),
    (
        "plan.date_picked",
        "plan_preparation",
        "have|had|got ~1 the|a ~1 date|day ~1 pick|picked|chosen|choose|set|sorted",
    ),
    (
        "plan.spot_nobody_finds",
        "plan_preparation",
        "spot|place|somewhere|woods|reservoir|@HIGH ~10 nobody|noone|whoever ~3 find|finds|found ~1 me",
    ),
    ("plan.plan_and_means", "plan_preparation", "plan|plans ~3 and|or ~2 note|notes|method|means|letter"),
    (
        "plan.plan_no_intention",
        "plan_preparation",
        "plan|plans ~2 no|or|nor ~1 intention|intent|urge|urges|thought|thoughts",
    ),
    (
        "plan.planning_anything",
        "plan_preparation",
        "plan|planning ~1 anything !special|fancy|big|for|this|today|tonight|tomorrow|else|much|new|major|that|on|at|"
        "with|yet|exciting|too|nice|fun",
    ),
    # -- self-harm, recent (C-SSRS behaviour) --
    ("harm.any_myself", "self_harm", "@HARM ~2 myself"),
    ("harm.fresh", "self_harm", "fresh|new|deep ~1 cut|cuts|mark|marks|wound|wounds|burn|burns|scratch|scratches"),
    (
        "harm.marks_hide",
        "self_harm",
        "cut|cuts|mark|marks|wound|wounds|burns|scar|scars ~8 hide|cover|sleeve|sleeves|plaster|bandage|plasters",
    ),
    ("harm.cigarette", "self_harm", "cigarette|lighter|match ~6 arm|skin|hand|wrist|leg|thigh|myself"),
    ("harm.purge", "self_harm", "purge|purged|starve|starved|starving ~3 myself|again|punish"),
    ("harm.deserve_pain", "self_harm", "deserve|deserved ~3 pain|hurt|it ~6 cut|burn|hit|myself"),
    ("harm.slipped", "self_harm", "slip|slipped|relapse|relapsed ~3 again|last ~1 night|today"),
    ("harm.did_again", "self_harm", "do ~1 it ~1 again ~6 @BODY|sleeve|sleeves|hoodie|see|hide|thigh|thighs"),
    ("harm.every_night", "self_harm", "cut|cutting|burn|burning ~3 every ~1 night|day"),
    ("harm.week_of", "self_harm", "week|night|nights|days ~2 of ~1 cutting|burning|hurting"),
    ("harm.streak_broken", "self_harm", "streak|days ~4 no|without|free|clean ~3 cutting|cut|selfharm|harm"),
    ("harm.deeper", "self_harm", "cut ~2 deeper|deep"),
    ("harm.hot_tap", "self_harm", "hot ~1 tap|water|iron|pan ~6 blister|blistered|burn|burnt|burned|raw|scald|scalded"),
    ("harm.purging", "self_harm", "make ~1 myself ~1 throw|sick|vomit"),
    (
        "harm.razor_open",
        "self_harm",
        "snap|snapped|break|broke|crack|cracked|smash|smashed ~2 razor|razors|sharpener ~2 open|apart",
    ),
    ("harm.made_bleed", "self_harm", "make ~1 myself ~1 bleed|bruise|burn|hurt"),
    (
        "harm.back_to",
        "self_harm",
        "back ~1 to ~1 cutting|selfharm|hurting|burning !carbs|sugar|back|down|hair|grass|hedge|wood|out|costs|"
        "calories",
    ),
    ("harm.punishment", "self_harm", "as ~1 punishment|penance"),
    ("harm.extra_tablets", "self_harm", "extra ~2 of ~1 my ~1 @PILLS ~6 feel|something|punish|numb"),
    ("harm.extra_pills", "self_harm", "extra|more ~3 @PILLS ~8 numb|punish|nothing|hurt|blackout"),
    ("harm.streak_cut", "self_harm", "streak ~8 cut|selfharm|harm|burn|relapse"),
    ("harm.i_cut_when", "self_harm", "i ~1 cut|burn|scratch ~0 last|tonight|yesterday|today|earlier|again"),
    ("harm.i_cut_for", "self_harm", "i ~1 cut ~0 for ~1 year|years|month|months|week|weeks|ages|@NUMBER|most"),
    ("harm.i_cut_ago", "self_harm", "i ~1 cut|burn|selfharm ~0 @NUMBER|year|years|ages|months|decades ~1 ago|back"),
    ("harm.raw", "self_harm", "scratch|scrub|pick|claw|rub ~4 raw|bloody"),
    ("harm.blade_out", "self_harm", "blade|blades ~3 out ~2 of ~2 sharpener|razor|shaver|pencil"),
    ("harm.hair", "self_harm", "pull|pulled|rip|ripped ~2 my ~1 hair ~1 out"),
    ("harm.hair_out", "self_harm", "pull|pulled|rip|ripped|tear|tore ~1 out ~3 my ~1 hair"),
    ("harm.tool_to", "self_harm", "razor|blade|knife|lighter|scissors|compass ~2 to ~1 my ~1 @BODY"),
    ("harm.scald", "self_harm", "pour|poured|boil|boiling|kettle ~6 on|over ~1 my|myself ~1 @BODY ~3 purpose"),
    ("harm.hide_arms", "self_harm", "hoodie|sleeves|sleeve ~8 see ~2 my ~1 arm|arms|wrist|wrists|legs|thighs"),
    ("harm.selfharm", "self_harm", "selfharm"),
    ("harm.self_harm", "self_harm", "self ~1 harm|injury|injure"),
    ("harm.body", "self_harm", "@HARM|drag|dig|press|bang|smash|snap ~5 my|the ~1 @BODY"),
    ("harm.body_purpose", "self_harm", "@BODY ~6 on ~1 purpose"),
    ("harm.on_purpose", "self_harm", "@HARM|press|reopen|skip|starve|burn|hit|bang ~8 on ~1 purpose"),
    ("harm.cutting", "self_harm", "cut|cutting ~1 again"),
    ("harm.cutting_anymore", "self_harm", "cutting|selfharm|burning ~0 anymore"),
    ("harm.been_cutting", "self_harm", "be|start ~1 cutting|burning"),
    (
        "harm.razor_again",
        "self_harm",
        "razor|blade|blades|lighter|scissors ~8 again|arm|skin|thigh|wrist|myself|keep|last",
    ),
    ("harm.bled", "self_harm", "till|until ~3 bleed|bled|bleeding|blood|bruise|bruised|welt|welted|split|break|broke"),
    ("harm.head_wall", "self_harm", "hit|bang|punch|smash ~3 my ~1 head|fist"),
    ("harm.wall", "self_harm", "punch|punched|hit|smash ~2 the ~1 wall|mirror|door"),
    ("harm.relapse", "self_harm", "relapse|relapsed ~3 selfharm|cut|cutting|harm"),
    ("harm.streak", "self_harm", "clean ~1 streak|time ~3 over|end|gone|broken|broke"),
    ("harm.punish", "self_harm", "punish ~2 myself|my ~1 body|self"),
    ("harm.deserve_eat", "self_harm", "@NEG ~1 deserve ~2 eat|food|meal"),
    ("harm.skip_meals", "self_harm", "skip|skipping ~1 meals ~3 purpose"),
    ("harm.scabs", "self_harm", "reopen|reopening|pick ~3 scab|scabs|wound|wounds"),
    ("harm.urges", "self_harm", "selfharm|cut|cutting|harm ~1 urge|urges"),
    ("harm.want_to", "self_harm", "want|urge|need ~2 to ~1 cut|selfharm|burn ~1 myself|again"),
    ("harm.want_to_cut", "self_harm", "want|urge ~2 to ~1 cut"),
    ("harm.used_to", "self_harm", "use ~1 to ~1 cut|selfharm|burn|harm|hurt"),
    ("harm.more_than_prescription", "self_harm", "more ~2 than ~1 my ~1 prescription|dose"),
    ("harm.thing_razor", "self_harm", "thing ~2 with ~2 razor|blade|lighter"),
    (
        "harm.long_sleeves",
        "self_harm",
        "long ~1 sleeve|sleeves ~6 summer|july|august|june|heat|heatwave|hot|again|beach|why|hide|cover|still|know",
    ),
    (
        "harm.held_on_skin",
        "self_harm",
        "hold|held|press|pressed ~2 it|them ~2 on|against|into ~2 my ~1 "
        "skin|arm|arms|forearm|wrist|wrists|thigh|thighs|leg|legs|stomach|hip|hips|ankle|ankles",
    ),
    ("harm.ice_salt", "self_harm", "ice ~2 and ~1 salt"),
    (
        "harm.felt_relief",
        "self_harm",
        "burn|cut|cutting|sting|stinging|bleeding|blood|scratching ~4 feel|felt|give|gave|bring|brought ~3 "
        "relief|release|calm|calming",
    ),
    ("harm.counter_reset", "self_harm", "counter|streak|count|tally ~4 back ~2 to ~1 @NUMBER|zero|day|square"),
    ("harm.counter_broken", "self_harm", "reset|restart|restarted|broke|broken|lost ~3 my ~1 counter|streak|tally"),
    ("harm.tool_body", "self_harm", "@TOOL ~8 on|to|into|across|against ~1 my ~1 @BODY"),
    ("harm.new_ones", "self_harm", "new|fresh ~1 one|ones ~3 on|across|along ~1 my ~1 @BODY"),
    ("harm.sharpener_apart", "self_harm", "sharpener|sharpeners ~4 apart|blade|blades|unscrew|unscrewed|screwdriver"),
    (
        "harm.blood_evidence",
        "self_harm",
        "bin|binned|hide|hid|hiding|throw|threw|wash|washed|scrub|scrubbed|clean|cleaned|soak|soaked|rid ~4 "
        "bloody|blood|bloodied|bloodstained ~2 tissue|tissues|towel|towels|plaster|plasters|bandage|bandages|rag|rags "
        "~10 before|so|nobody|anyone",
    ),
    (
        "harm.scald_body",
        "self_harm",
        "@BODY|myself ~4 under ~3 hot|scalding|boiling ~1 tap|water|shower ~4 till|until ~3 "
        "blister|blistered|burn|burnt|burned|raw|scalded|red|hurt",
    ),
    (
        "harm.body_did_again",
        "self_harm",
        "my ~1 arm|arms|wrist|wrists|thigh|thighs|leg|legs|stomach|hip|hips|skin|forearm ~10 do ~1 it ~1 again",
    ),
    ("harm.body_hidden", "self_harm", "@BODY ~6 so|where ~4 nobody|one ~2 see|sees|notice|notices|can|will|could"),
    (
        "harm.not_since",
        "self_harm",
        "cut|cutting|selfharm ~0 in|for ~3 year|years|month|months|week|weeks|day|days|ages|while",
    ),
    ("harm.clean_from", "self_harm", "clean|free ~2 from|of ~1 cutting|cut|selfharm|harm|burning"),
    ("harm.scars_body", "self_harm", "scar|scars ~3 on|across|along ~1 my ~1 @BODY"),
    ("harm.urge_resisted", "self_harm", "cut|selfharm|burn|hurt ~4 even ~1 though|if|tho ~2 want|wanted|urge|urges"),
    # -- attempts (C-SSRS behaviour): urgent when recent or when the feeling is back, gentle when long past --
    (
        "attempt.tried",
        "attempt",
        "try|tried|attempt|attempted ~3 kill|end|suicide|overdose|unalive|hang|drown|jump|od|die",
    ),
    ("attempt.tried_take", "attempt", "try|attempt ~2 take ~2 my ~1 own|life"),
    ("attempt.tried_pills", "attempt", "try|attempt ~2 take|swallow ~3 all|@PILLS|overdose"),
    ("attempt.my_attempt", "attempt", "my|an|last|the|first|second|third|previous|failed ~1 attempt !to"),
    ("attempt.numbered", "attempt", "attempt ~0 no|number|@NUMBER"),
    (
        "attempt.i_tried",
        "attempt",
        "i ~1 try|tried ~1 at|once|before|in !_|the|a|my|class|work|vain|dinner|meeting|meetings|yoga|running|chess|"
        "game|"
        "gym|workout|fitness|meditation|painting|reading|lunch|breakfast",
    ),
    ("attempt.since_tried", "attempt", "since|after|before ~1 i ~1 try|tried"),
    ("attempt.last_time_tried", "attempt", "last ~1 time ~1 i ~1 try|tried"),
    ("attempt.overdosed", "attempt", "i ~1 overdose|overdosed"),
    ("attempt.survived", "attempt", "survive|survived ~2 the ~1 bridge|attempt|overdose|fall"),
    ("attempt.because_me", "attempt", "icu|hospital|ward ~4 because ~1 of ~1 me"),
    ("attempt.pills_ambulance", "attempt", "pill|pills ~4 ambulance"),
    (
        "attempt.hospital_after",
        "attempt",
        "hospital|icu|ambulance|ward|resus ~6 after|from|because ~3 take|swallow|overdose|od ~3 @PILLS|overdose",
    ),
    ("attempt.ended_up", "attempt", "last ~1 time ~10 end ~1 up ~3 icu|hospital|ward|resus|ambulance"),
    ("attempt.and_survived", "attempt", "jump|overdose|od|hang ~4 and ~2 survive|live|woke"),
    # "since i tried.", "the night i tried", "after i tried, i promised": said at the end, or before a new clause
    ("attempt.i_tried_end", "attempt", "i ~1 try|tried $"),
    ("attempt.i_tried_then", "attempt", "i ~1 try|tried ~0 i|once|twice|when|last|as|because|years|since|aged|age"),
    ("attempt.tried_once", "attempt", "try|tried ~1 once|before"),
    ("attempt.i_attempted", "attempt", "i ~1 attempt|attempted"),
    ("attempt.trying_again", "attempt", "try|trying ~1 again"),
    (
        "attempt.took_handful",
        "attempt",
        "take|took|swallow|swallowed ~2 handful|fistful|lot|bunch|load ~2 of ~2 @PILLS",
    ),
    (
        "attempt.drank_poison",
        "attempt",
        "drink|drank|swallow|swallowed ~2 bleach|antifreeze|weedkiller|poison|pesticide|paraquat",
    ),
    (
        "attempt.too_many",
        "attempt",
        "take|took|swallow|swallowed ~2 too ~1 many|much ~2 @PILLS ~8 purpose|deliberately",
    ),
    ("attempt.too_many_pills", "attempt", "take|took|swallow|swallowed ~2 too ~1 many ~1 @PILLS"),
    ("attempt.my_overdose", "attempt", "my|last|first|previous|second ~0 overdose|od"),
    (
        "attempt.woke_up_in",
        "attempt",
        "last ~1 time ~2 i ~1 feel|felt ~8 wake|woke ~1 up ~2 in ~1 icu|hospital|resus|aande|ward",
    ),
    (
        "attempt.swallowed_bottle",
        "attempt",
        "swallow|down|downed ~3 bottle|packet|packets|box|boxes|handful|strip|strips|load ~2 of ~1 @PILLS",
    ),
    ("attempt.took_whole", "attempt", "take|took ~2 whole|entire ~1 bottle|packet|box|strip ~2 of ~1 @PILLS"),
    ("attempt.survived_next", "attempt", "survive|survived ~1 once|it|before|twice|that ~8 next ~1 time"),
    ("attempt.never_try_again", "attempt", "after ~1 last ~1 time ~4 never|not ~2 try ~0 again"),
    ("attempt.too_deep", "attempt", "too ~1 deep ~6 end ~1 up ~2 in ~1 hospital|icu|aande|resus|stitches"),
    (
        "attempt.before_took",
        "attempt",
        "one|feel|feeling|same ~6 before ~1 i ~1 take|took|swallow|swallowed ~2 the|those|all ~1 @PILLS",
    ),
    # -- soft signals --
    ("soft.hopeless", "soft_hopeless", "hopeless|hopelessness"),
    ("soft.no_hope", "soft_hopeless", "no ~1 hope|future"),
    ("soft.hope_others", "soft_hopeless", "hope ~3 other ~1 people"),
    ("soft.never_better", "soft_hopeless", "never|not|nothing ~4 get|going ~2 better|change"),
    ("soft.no_reason", "soft_pointless", "no|nothing ~1 reason|left ~2 to ~1 live|stay|keep ~1 go|going"),
    ("soft.nothing_live_for", "soft_hopeless", "nothing ~2 to ~1 live ~1 for"),
    ("soft.see_better", "soft_hopeless", "@NEG ~2 see ~5 better|future|change"),
    ("soft.see_point_neg", "soft_pointless", "@NEG ~2 see ~2 point"),
    ("soft.nothing_changes", "soft_hopeless", "nothing ~6 change|changes|helps|help|work|works"),
    ("soft.see_future", "soft_hopeless", "no ~1 future|hope"),
    ("soft.nothing_forward", "soft_hopeless", "nothing ~2 look ~1 forward"),
    ("soft.burden", "soft_burden", "burden|burdens"),
    ("soft.better_off", "soft_burden", "better|happier ~2 off|be ~3 without ~1 me"),
    ("soft.happier_without", "soft_burden", "happy|happier|better|fine|okay|ok|manage|cope ~3 without ~1 me"),
    ("soft.waste", "soft_burden", "waste ~1 of ~1 space|oxygen|air"),
    ("soft.weight", "soft_burden", "weight|drain ~3 everyone|family|round|on"),
    ("soft.deserve_better", "soft_burden", "deserve ~1 better ~1 than ~1 me"),
    ("soft.carry_me", "soft_burden", "everyone|they ~3 carry|drag|sick ~2 me"),
    ("soft.drag_under", "soft_burden", "drag|dragging|bring|pull ~3 @OTHER|everyone|them|you|family ~2 under|down"),
    ("soft.notice", "soft_burden", "no ~1 one ~3 notice|care|miss"),
    ("soft.trapped", "soft_trapped", "trapped|stuck ~1 forever"),
    ("soft.trapped2", "soft_trapped", "trapped|trap|cornered"),
    ("soft.way_out", "soft_trapped", "no|not|see ~2 way ~1 out|forward"),
    ("soft.cant_see_way_out", "soft_trapped", "@NEG ~3 way ~1 out|forward"),
    ("soft.no_exit", "soft_trapped", "no ~1 exit|escape|door"),
    ("soft.get_out", "soft_trapped", "can ~1 not ~1 get ~1 out ~1 of"),
    ("soft.drowning", "soft_trapped", "drown|drowning ~5 no ~1 shore|way|air"),
    (
        "soft.no_point",
        "soft_pointless",
        "no ~1 point !argue|arguing|worry|worrying|complain|complaining|ask|asking|wait|waiting|rush|rushing|stress|"
        "stressing|panic|panicking|cry|crying",
    ),
    ("soft.whats_point", "soft_pointless", "what ~1 be ~2 the ~1 point"),
    ("soft.nothing_matters", "soft_pointless", "nothing ~3 matter|matters !more|as"),
    (
        "soft.stop",
        "soft_stop",
        "want|need ~4 it|everything|this|all|pain|noise|brain|mind|head|thoughts ~4 stop|over|end|quiet|off",
    ),
    ("soft.make_stop", "soft_stop", "make ~1 it ~1 stop"),
    ("soft.cant_anymore", "soft_stop", "can ~1 not ~3 do|take|keep ~4 this|it|anymore|go"),
    ("soft.cant_go_on", "soft_stop", "can ~1 not ~1 go ~1 on"),
    ("soft.cant_anymore_bare", "soft_stop", "can ~1 not ~1 anymore"),
    ("soft.cant_cope", "soft_stop", "can ~1 not ~1 cope|manage|handle|bear"),
    ("soft.prisoner", "soft_trapped", "prisoner|cage|caged ~4 own|head|life|body|mind"),
    ("soft.drowning_nobody", "soft_trapped", "drown|drowning ~5 nobody|one|nothing"),
    ("soft.pointless", "soft_pointless", "pointless"),
    ("soft.ruin", "soft_burden", "ruin ~1 everything|everyone"),
    ("soft.harder_for", "soft_burden", "make|making ~3 life|things|everything ~1 hard|harder ~2 for"),
    ("soft.lighter_without", "soft_burden", "light|lighter|easy|easier|better|happier ~3 without ~1 me"),
    ("soft.nobody_miss", "soft_burden", "nobody ~2 miss|notice|care"),
    ("soft.give_up", "soft_stop", "give ~1 up ~2 on ~1 life|everything|myself"),
    ("soft.exhausted", "soft_exhausted", "exhausted|tired ~2 by|of ~1 exist|existing|life|living|fighting|trying"),
    ("soft.tired_living", "soft_exhausted", "tired ~1 of ~1 live|living"),
    ("soft.so_tired", "soft_exhausted", "so ~1 tired $"),
    (
        "soft.so_tired_of",
        "soft_exhausted",
        "so ~1 tired ~1 of ~2 everything|it|be|fight|fighting|try|trying|live|living|life|exist|existing|pretend|"
        "pretending|struggle|struggling|feel|feeling|drag|dragging|everyone|myself|hurting|hurt|pain",
    ),
    ("soft.showing_up", "soft_exhausted", "stop ~1 show ~1 up ~1 to ~1 my ~1 own ~1 life"),
    (
        "soft.life_prison",
        "soft_trapped",
        "living|life|existence|exist|existing|alive ~3 feel|be|like ~2 punishment|sentence|prison|torture|hell|cage",
    ),
    ("soft.existing_not_living", "soft_pointless", "exist|existing ~3 not|instead ~2 living|live"),
    (
        "soft.another_years",
        "soft_hopeless",
        "another ~3 year|years|decade|decades|lifetime ~3 of ~1 this|it|life ~4 "
        "unbearable|impossible|dread|terrify|terrifying|horrify|horrifying|bear|face",
    ),
    ("soft.had_enough", "soft_stop", "have ~1 enough ~2 of ~1 everything|life|living"),
    ("soft.alive_too_much", "soft_exhausted", "alive|living|existing ~3 feel|be ~2 too ~1 much|hard|heavy|exhausting"),
    ("soft.nothing_left_for_me", "soft_hopeless", "nothing ~1 left ~2 for ~1 me !to|at|in|on|but"),
    ("soft.no_light", "soft_hopeless", "@NEG|no ~4 light ~6 tunnel"),
    ("soft.stop_feeling", "soft_stop", "@WANT ~3 stop|not ~1 feel|feeling ~1 anything|everything|at"),
    ("soft.stop_feeling_end", "soft_stop", "@WANT ~3 stop ~1 feel|feeling $"),
    (
        "soft.no_energy_go_on",
        "soft_exhausted",
        "@NEG ~2 have ~2 energy|strength|will ~3 to ~2 keep|carry|go ~1 going|on !to|out|with|for",
    ),
    ("soft.bothered_living", "soft_pointless", "@NEG ~2 bother|bothered ~2 live|living|exist|existing|breathing"),
    ("soft.lost_hope", "soft_hopeless", "lose|losing|lost ~2 hope !in"),
    ("soft.exhausting_alive", "soft_exhausted", "exhausting|tiring|draining ~3 be ~1 alive|exist|existing|living"),
    (
        "soft.no_future_self",
        "soft_hopeless",
        "@NEG ~2 see|imagine|picture ~1 myself ~3 old|older|past|future|alive|anymore|@MILESTONE",
    ),
    ("soft.worthless", "soft_burden", "i|feel|feeling|myself ~3 worthless"),
    ("soft.give_up_bare", "soft_stop", "i ~1 give ~1 up $"),
    ("soft.dark_thoughts", "soft_hopeless", "dark|darker|darkest ~1 thought|thoughts|urge|urges"),
    ("soft.lost_will", "soft_hopeless", "lose|losing|lost ~2 will ~1 to ~1 live"),
    ("soft.taking_space", "soft_burden", "just|only|merely|waste ~2 take ~1 up ~1 space|oxygen|air|room"),
    (
        "soft.everyones_problem",
        "soft_burden",
        "i|tired|sick|just|always ~3 be ~1 everyone|everybody|someone|somebody ~2 problem|burden|headache|worry|"
        "project "
        "!solver|solve|solving",
    ),
    (
        "soft.heavy_on",
        "soft_burden",
        "heavy|weight|drain|load|strain ~2 on ~1 everyone|everybody|family|people|others|them",
    ),
    (
        "soft.no_reason_to",
        "soft_pointless",
        "no|nothing|zero ~1 reason|reasons ~2 to ~1 live|stay|keep|bother|continue|carry|fight|wake|get "
        "!at|for|in|late|up|home|over|the|out|away|quiet|angry|upset|worried",
    ),
    (
        "soft.never_end",
        "soft_hopeless",
        "pain|suffering|darkness|misery|hell|emptiness|numbness ~3 never ~4 end|stop|ease|lift|change|away",
    ),
]

# Everyday senses, the dosing experience, and medicine: a rule's match that overlaps one of these is no finding.
SHIELDS = [
    # idioms of dying and killing
    "dying|die ~1 to|for ~2 see|try|know|go|get|meet|hear|read|watch",
    "to ~1 die ~1 for !week|weeks|day|days|month|months|year|years|a|an|hours|ages|so|long",
    "dead ~1 tired",
    "dead ~1 on ~1 my ~1 feet",
    "phone|battery|laptop|car|plant|plants|bulb|tv|signal|charger|basil|flowers|wifi|engine|printer ~3 die|dead",
    "die|dying ~1 laugh|laughing",
    "nearly|almost ~1 die ~3 laugh",
    "laugh ~4 die",
    "kill|killing ~0 it",
    "kill ~1 time",
    "killer",
    "murder ~1 a|an",
    "could ~1 kill ~1 for",
    "@OTHER|it|this|that|back|feet|head|knee|knees|job|traffic|heat|suspense|hill|shoes|neck ~2 be ~1 "
    "kill|killing ~1 me",
    "kill ~1 me ~1 now",
    "bore|bored|scare|scared|worried|frighten|frightened ~2 to ~1 death",
    "death ~1 of ~1 me",
    "dead ~1 end|serious|silence|weight",
    "deadline",
    "do ~1 or ~1 die",
    "over ~1 my ~1 dead",
    "literally ~1 die",
    "i ~1 will ~1 literally|actually ~1 die",
    "drop ~1 dead ~1 gorgeous",
    "die ~1 young",
    "suicide ~1 squad",
    "the ~1 virgin ~1 suicides",
    "suicide|selfharm ~1 prevention|awareness|rate|rates|statistics|risk|warning|bereavement|intervention|research",
    "let ~3 trauma|fear|shame|pain|story|past ~1 die",
    "old ~1 self|me|version ~2 die",
    # the dosing experience itself
    "ego ~1 death|dissolution|dissolve|die",
    "death ~1 and ~1 rebirth",
    "die|dying ~4 reborn|rebirth",
    "feel ~1 like ~2 i ~1 be ~1 die|dying",
    "as ~1 if ~2 i ~1 be ~1 die|dying",
    "my ~1 own ~1 death|funeral",
    "what ~1 die|dying ~1 be",
    "i ~1 die ~3 mattress|couch|floor",
    "k ~1 hole",
    "@NEG ~1 exist ~3 scary|afraid|beautiful|peaceful",
    "there ~1 be ~1 no ~1 me",
    # medicine and daily life
    "overdose ~2 on ~1 caffeine|coffee|sugar|chocolate",
    "naloxone",
    "dose ~1 go ~1 up",
    "blood ~1 pressure",
    "cut ~2 my ~1 finger|hair|fringe|nails",
    "cut ~1 tie|ties|back|down|corner|corners|out",
    "burn ~1 out|through|the ~1 toast",
    "burnt|burned ~1 out",
    "hang ~0 out|in|up|on|around|about",
    "hang ~3 coat|coats|photo|photos|picture|pictures|laundry|washing|painting|curtain|curtains|mirror|clock|lights|"
    "decorations|shelf|shelves|clothes|jacket|frame|frames|bunting|flag",
    "@NEG ~1 on ~1 the ~1 oven|stove|hob|iron|kettle|tray",
    "cook|cooking|boil|boiling|pan|pot|saucepan|kettle|left|leave ~4 on ~1 the ~1 oven|stove|hob|iron|kettle|tray",
    "@HARM ~6 on|with|in|against ~1 the|a|an ~2 oven|stove|hob|iron|tray|pan|grater|mandoline|bbq|barbecue|radiator|"
    "thorn|thorns|nettle|nettles|bush|rosebush|rose|roses|bramble|brambles|branch|branches|fence|nail|table|corner|"
    "cupboard|shelf|glass",
    "pinch ~1 myself",
    "attempt|attempts ~0 at ~0 _|a|an|the|it|this|humour|humor|make|cook|be|get|yoga|running|chess|meditation|painting|"
    "reading|puzzle|crossword|dinner|conversation|sourdough|knitting|baking|gardening|drawing|writing|sleep|fixing|"
    "cleaning|fitness|workout|bread|cake|swimming|dancing|comedy|small|talk",
    "dig ~1 myself ~2 out|into|hole",
    "kick ~1 myself",
    "rope|ropes|cord ~4 swing|climb|climbing|boat|tent|washing|skipping|gym|tug|garden|hammock",
    "skipping|jump ~1 rope",
    "lethal|fatal ~1 dose|amount ~2 of ~1 caffeine|coffee|water|salt|sugar|nicotine",
    "lock|locked|lockbox ~4 @PILLS|box|away",
    "@PILLS ~3 lock|locked|lockbox|safe",
    "date|day ~4 wedding|party|holiday|move|trip|surgery|operation|exam|interview|launch|birthday|appointment",
    "goodbye|bye|goodbyes ~8 colleague|colleagues|classmates|coworker|coworkers|airport|station|holiday|flight|"
    "leaving|retiring|retirement",
    "goodbye|bye|goodbyes ~8 last ~1 day",
    "will ~6 after|since|because ~4 baby|born|mortgage|married|wedding|house|divorce",
    "give|gave|leave|left|drop|take ~10 while|whilst|during ~3 holiday|vacation|trip|abroad|surgery|hospital|festival|"
    "honeymoon|conference",
    "letter|letters|card|note ~4 for|to ~3 birthday|christmas|wedding|anniversary|90th|80th|thank|thanks|colleague|"
    "retiring|leaving|retirement|coworker|teacher|neighbour|neighbor",
    "note|notes ~6 about|re|reminding|remind|asking|ask ~3 bins|rent|milk|shopping|dishes|parcel|delivery|keys|noise|"
    "heating|bills|plants",
    "by ~1 accident",
    "accidentally",
    "chop|chopping|cooking",
    "pill ~1 organiser|organizer|box",
    "vitamin|vitamins",
    "jump ~1 in ~1 the ~1 sea|pool|lake ~1 after",
    "diving ~1 board",
    "pull ~1 the ~1 trigger ~1 on ~1 buy",
    "safety ~1 plan",
    "@PILLS ~3 for ~2 the ~1 week|day|month",
    "@PILLS ~3 organiser|organizer|dosette",
    "pick|collect|get|fetch ~4 @PILLS ~6 pharmacy|chemist|pharmacist",
    "ask|asked ~2 if|whether|about ~14 life|suicide|suicidal|myself|die|harm|selfharm|kill|end|ending|overdose|dose",
    "ask|asked ~6 plan|plans ~3 intention|intent|means",
    "last|previous ~1 entry ~3 sound|sounded|seem|seemed|read|be|write|wrote|say|said|mention|mentioned",
    "in|since|from|reread|reading ~2 last|previous ~1 entry",
    "cannula|needle|injection|iv|drip|jab|vaccine|cuff|tourniquet|test|dog|cat|puppy|kitten|fell|fall|trip|tripped ~4 "
    "@HARM|hurt",
    "let|get|got|chance ~2 i|me|to ~1 say ~1 goodbye",
    "say ~1 goodbye ~3 properly",
    "palliative|hospice|dying|funeral|passed|deathbed|visit|visiting ~10 say ~1 goodbye|goodbyes",
    "say ~1 goodbye|goodbyes ~6 palliative|hospice|funeral|passed|dying|deathbed",
    "during|in ~2 session|dose|journey|trip|infusion|hole ~8 stop ~1 exist|existing|breathing",
    "think|thought|said|says|ruled|confirmed|believe ~3 it ~1 be ~2 an|a ~1 overdose|suicide",
    "news|report|article|headline|story ~3 about|on|of|cover|covered ~2 a|the|another ~1 suicide|overdose|death",
    "@HARM ~6 fall|falling|fell|slip|slipped|trip|tripped ~1 off|over|down|on|up",
    "kill ~1 myself ~2 laugh|laughing",
    "this ~1 heat|weather|rain|meeting|traffic|noise|commute|queue|cold|snow|humidity|mattress|printer|wifi|cough|flu|"
    "year|headache|migraine|pandemic|term|semester|winter|shift|exam|exams",
    "way ~1 out ~3 traffic|jam|car|carpark|maze|building|stadium|queue|crowd|airport|station",
    "no ~1 hope|future ~3 relationship|puzzle|crossword|game|team|match|job|deal|winning|finishing|passing|catching",
    "@OTHER ~2 funeral",
    "funeral ~1 for ~2 @OTHER",
    "edge ~6 photo|photos|selfie|view|views|sunset|sunrise|scenery",
    "photo|photos|selfie ~6 edge",
    "take|took|taking|snap|snapped ~2 a|the|some|few ~0 picture|pictures ~6 edge",
    "@NEG ~2 die ~1 without ~2 see|seeing|visit|visiting|travel|travelling|meet|meeting",
    "@NEG ~2 be ~1 here|around ~8 holiday|holidays|vacation|away|trip|abroad|conference|course|festival|camping",
    "last ~1 entry ~3 before|until|till|for ~2 while|week|retreat|holiday|trip|break",
    "decide|decided ~3 move|moving|buy|buying|sell|selling|job|uni|university|course|wedding|holiday|trip|house|flat|"
    "school|name|quit|start|starting",
    "night ~6 date|party|gig|concert|match|game|show|premiere|wedding|dinner|proposal|celebration|birthday|play|exam",
    "how ~1 to ~2 cook|bake|fix|grow|knit|clean|play|install|repair|say|draw|build|paint|unblock|remove|sew|plant|"
    "apply|"
    "book|register|renew|download|reset|update|spell|pronounce",
    "goodbye ~1 to ~1 the|my|that|this ~1 version|old|younger|part|past|child|inner|self|parts|addiction|habit|trauma|"
    "grief|shame",
    "text|send|message|email|leave|write|give|hand ~0 me ~1 a|his|her|their|the ~1 goodbye|suicide|farewell",
    "overdose|opioid|drug ~1 crisis|epidemic|deaths|death|rate|rates|awareness|statistics|response|kit|reversal",
    "sign|signs|symptom|symptoms ~3 of ~1 an|a ~1 overdose",
    "patient|patients|client|clients|resident|residents ~4 overdose|overdosed|od|attempt|attempted",
    "reduce|reducing|reduces|reduced|reduction|treat|treating|treatment|treats ~3 suicidal|suicide|suicidality|"
    "ideation",
    "stop ~1 breathing ~8 but|nurse|sats|oxygen|monitor|dissociation|dissociate|dissociating|apnea|apnoea|asthma|panic",
    "give|gave|giving|donate|donated ~6 to ~1 the|a ~0 charityshop|charityshops|charity|oxfam|foodbank",
    "donation|donations ~0 to|for|bag|bags|box|bin",
    "give|gave|giving ~6 for|as ~1 a|her|his|their|our|its ~0 birthday|christmas|present|gift|anniversary",
    "cancer|illness|tumour|tumor|disease|lump ~3 @NEG|never ~2 come|return|spread|back",
    "memoir|memoirs ~8 selfharm|suicide|overdose|suicidal",
    "@NEG ~2 get ~1 worse|bad",
    "@NEG ~1 fail|crash|sink",
    "disappear|vanish ~3 for ~1 a|the ~1 week|weekend|day|while|bit|month|few|couple",
    "disappear|vanish|escape ~2 to|into ~2 cabin|beach|mountains|island|woods|countryside|holiday|sun",
    "@NEG|never ~2 lose ~2 hope",
    "@NEG ~2 know ~2 the ~1 code|combination",
    "drop ~6 curtain|curtains|blind|blinds|hem|wallpaper",
    "curtain|curtains|blind|blinds ~6 drop",
    "warn|warned|warning|advise|advised|advice|interaction|interactions|careful|safe|never ~6 mix|mixing|combine|"
    "combining",
    "@NEG ~1 mix|mixing|combine|combining",
    "enough ~3 for|to ~2 holiday|trip|week|weekend|month|fortnight",
    "enough ~3 to ~1 last ~3 holiday|trip|week|weekend|month|fortnight|until|till|christmas|summer|refill|repeat",
    "rope|ropes ~3 lift|lifting|hoist|hoisting|haul|hauling|drag|dragging",
    "pick ~1 up ~3 @PILLS|prescription|script|repeat",
    "hope|hopefully|hoping ~3 last ~1 time ~2 i ~1 have ~1 to !wake|feel|live|breathe|be|exist|suffer|survive|face",
    "last ~1 time ~1 i ~1 have|need ~1 to ~1 drive|go|see|visit|pay|deal|work|sit|do|take|wait|use|commute|attend|fill|"
    "queue",
    "tattoo|tattoos|tattooist|piercing|piercings|mole|moles|freckles|spots|mosquito|bites|bite ~10 new|fresh ~1 one|"
    "ones",
    "new|fresh ~1 one|ones ~8 tattoo|tattoos|piercing|piercings|mole|moles|freckles|spots|mosquito|bites",
    "sick|ill|flu|covid|infection|pneumonia|asthma|appendix|appendicitis|broken|fell|accident|surgery|operation|labour|"
    "birth|virus|fever|migraine ~8 end|wake|woke ~1 up ~2 in ~1 hospital|icu|ward|aande|resus",
    "in ~1 hospital|icu|ward|aande ~1 with ~2 flu|covid|pneumonia|infection|asthma|sepsis|appendicitis|fracture|broken|"
    "virus|fever",
    "packet|box|bottle|bag|tub|pack ~2 of ~1 sweets|crisps|biscuits|chocolate|chocolates|gum|mints|cookies|candy|"
    "haribo|"
    "wine|beer|water|juice|cereal",
    "surgeon|surgery|operation|incision|surgical|section ~8 cut|cuts",
    "cut|cuts ~8 surgeon|surgery|operation|surgical",
    "rope|ropes|cord ~1 toy|toys|bracelet|lights",
    "note|notes ~3 for|to|with|about|on ~1 my|the|our ~0 therapist|therapists|doctor|psychiatrist|psychologist|"
    "session|sessions|gp|nurse|counsellor|counselor|integration|appointment|meeting|class|lecture|exam",
    "hanging ~0 garden|gardens|basket|baskets|plant|plants|file|files|shelf|shelves|rail|lamp|chair",
    "letter|letters|note ~4 to ~2 my ~1 future|younger|older ~1 self",
    "vet|vets ~8 give|gave ~6 tablet|tablets|pill|pills|medicine|injection|jab",
    "give|gave ~2 the|my|our ~1 cat|dog|puppy|kitten ~2 her|his|its|their ~0 tablet|tablets|pill|pills|medicine|"
    "worming|flea",
    "stop ~1 breathing ~3 second|moment|sec|minute|bit|when",
    "give|gave|giving ~8 good|new|loving ~1 home|homes|owner|owners",
    "ask|asked ~10 while|whilst|during ~3 away|abroad|holiday|vacation|trip|work|working|conference|festival|honeymoon|"
    "weekend",
    "where ~1 i ~1 be ~1 go ~6 sunny|sun|hot|warm|beach|holiday|trip|abroad|weather|summer",
    "hide|hidden|hid|lock|locked|away|safe ~4 from ~2 kids|children|dog|puppy|toddler|grandkids",
    "sleeve|sleeves ~8 sun|sunburn|sunscreen|mosquito|mosquitoes|eczema|psoriasis|cold|freezing|chilly|uniform|dress",
    "ice|cold|warm|heat|wheat ~1 pack|compress|bag",
    "hot ~1 water ~1 bottle",
    "spill|spilled|spilt|splash|splashed|knock|knocked ~4 hot|boiling|scalding|kettle|tea|coffee",
    "duolingo|wordle|snapchat|snap|step|steps|app|game|gym|running|fitness|reading|workout|meditation|yoga|chess|sober|"
    "sobriety|drinking|alcohol|smoking|vaping|vape ~6 streak|counter|tally",
    "streak|counter|tally ~6 duolingo|wordle|snapchat|snap|step|steps|app|game|gym|running|fitness|reading|workout|"
    "meditation|yoga|chess|sober|sobriety|drinking|alcohol|smoking|vaping|vape",
    "scar|scars ~8 surgery|operation|section|caesarean|cesarean|acne|chickenpox|accident|bite|tattoo|op|appendix|fall|"
    "piercing|stitches|spay|keyhole|oven|cooking|kitchen|dog|cat|bike|football|rugby|climbing|childhood",
    "@TOOL ~6 bandage|bandages|plaster|dressing|cast|stitches|sling|splint|tape",
    "gun|rifle|shotgun|pistol ~4 range|shooting|club|season|deer|clay|clays",
    "range|shooting|club|season|deer|clay|clays ~4 gun|rifle|shotgun|pistol",
    "@PILLS ~4 for ~2 my|the|a ~1 headache|migraine|back|cold|flu|fever|period|cramps|tooth|toothache|hangover|knee|"
    "arthritis|allergies|hayfever",
]

# -- the words the weighing reads (lemmas) -----------------------------------------------------------------

# Words after which a new clause begins: "he doesn't know [it's goodbye]", "she thinks [I'm on a retreat]".
REPORTING = frozenset({"know", "think", "say", "tell", "realise", "realize", "guess", "believe", "and", "but"})
# Words a negation does not reach across.
CLAUSE = frozenset({"and", "but", "so", "because", "then", "while", "though", "although"})
# Words a negation reaches across without using up its window: "not having any thoughts of killing myself".
TRANSPARENT = frozenset({"any", "of", "about", "thought", "urge", "plan", "intention", "real", "serious", "active"})
POSSESSIVE = frozenset({"my", "our"})
# Who does a preparation when the word just before it names them: "she writes letters", "we gave the cat"
# (the lemmas of "him", "her" and "them" are these too: after a preposition they are not the doer).
SUBJECTS = frozenset({"he", "she", "they", "we", "you"})
PREPOSITIONS = frozenset({"for", "to", "with", "at", "from", "by", "of", "about", "on", "than", "into", "onto"})
# Words that may stand between that doer and the preparation: "she just writes letters".
DOER_ADVERBS = frozenset({"just", "also", "already", "finally", "then", "even", "always"})
