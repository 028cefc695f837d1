"""Arabic: what the risk engine (``journal.safety.risk``) listens for: word sets, rules and shields. Data only.

Written for the way people type Arabic in a journal or a message: Modern Standard Arabic and the dialects
(Egyptian, Levantine, Gulf), in Arabic script without diacritics and with the spellings people mix (ة/ه, ى/ي,
أ/إ/آ/ا), and in Arabizi, Latin letters with digits for the sounds Latin has no letter for ("bde mout",
"3ayez amoot", "a2tel nafsy"). The names every language module defines are listed in
``journal/safety/lexicons/__init__.py``; ``en.py`` is the reference.

Categories follow the ladder of the Columbia Suicide Severity Rating Scale screener (C-SSRS, Posner et al.,
Am J Psychiatry 2011), which the Columbia Lighthouse Project publishes in Arabic among its translations of the
screener: wish to be dead, active thoughts, method, intent, plan and preparation, recent self-harm and past
behaviour. The soft signals (hopelessness, feeling a burden, feeling trapped, no point, wanting everything to
stop, exhaustion with life) follow the groupings of the English lexicon (interpersonal theory, entrapment). The
Columbia screener names the categories only: no phrase was copied from it or from any lexicon; the words here
were written for how people write Arabic.

simplemma has no usable Arabic dictionary (``LEMMA_LANG = None``). Every word, of the text and of this module,
passes through ``normalize``: diacritics and tatweel dropped, letter forms unified (alef forms to ا, ى to ي,
ة to ه, ؤ to و, ئ to ي), letters stretched for emphasis shortened ("موووت"), Eastern digits made Western, and
the clitics و ف ب ل ال (and لل, عال) taken off the front while at least three letters are left (four after
ف, whose words so often begin with it: "فكرة" stays). Arabizi words are reduced to a skeleton (digraphs and
digits to one sign, inner vowels dropped, the first and the last kept): "amoot", "amout" and "emout" are one
word, "nafsy" and "nafsi" one, "antehar", "inte7ar" and "intihar" one. Pronoun suffixes are not cut by
``normalize`` ("نفسي" myself and "نفسه" himself must stay apart); ``ENDINGS`` cuts them off a word the lexicon
does not know ("انتحرت" reads as "انتحر"). So word sets hold the forms people write: the verbs in the persons
that speak of the writer ("اموت", "اجرح", "حاولت"), which keeps "he/she" forms ("يموت", "تنتحر") out of the
rules by construction.

A rule is a pattern over words: slots separated by spaces, alternatives by ``|``, ``@NAME`` for a word set,
``~N`` for up to N other words between two slots. Rules never cross a sentence.
"""

from __future__ import annotations

import re

VERSION = 1
LEMMA_LANG = None  # simplemma has no usable Arabic dictionary: normalize and ENDINGS stand in for it

# -- normalization -----------------------------------------------------------------------------------------

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
_FORMS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh, from some keyboards
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic digits
    }
)
_STRETCHED = re.compile(r"(.)\1\1+")  # three or more of a letter: "موووت", "يااارب"
# Clitics taken off the front, and the letters that must be left after each.
_PREFIXES = (("عال", 3), ("لل", 3), ("ال", 3), ("و", 3), ("ب", 3), ("ل", 3), ("ف", 4))
# Words whose clitic carries the meaning: "for myself" is not "to myself", "alone" is not "myself".
_KEEP = frozenset(
    {"لنفسي", "بنفسي", "لحالي", "اللي", "الي", "الله", "لله", "بالله", "والله", "الانا", "ولدي", "ولده", "ولدها"}
)


# Arabizi letters and digits read as the sounds they stand for (h and 7 are the same ح here).
_ARABIZI_LETTERS = str.maketrans("hq896eo", "722stiu")


def _arabizi(word: str) -> str:
    """A Latin-script word as a skeleton: kh ش gh th to 5 x 3 t, h and 7 to 7, q and 8 to 2, 9 to s, 6 to t; a
    final y is a vowel; an opening hamza (2) before a vowel is dropped; an opening vowel is a (alef); inner vowels
    go; doubled letters are one. Run until it no longer changes, so that it is idempotent."""
    for _ in range(4):
        before = word
        for digraph, sign in (("kh", "5"), ("sh", "x"), ("ch", "x"), ("gh", "3"), ("th", "t"), ("dh", "z")):
            word = word.replace(digraph, sign)
        word = word.translate(_ARABIZI_LETTERS)
        word = word.replace("uu", "u").replace("ii", "i").replace("aa", "a")
        if word.endswith("y") and len(word) > 1:
            word = word[:-1] + "i"
        if len(word) > 2 and word[0] == "2" and word[1] in "aiu":
            word = word[1:]
        if word[:1] in ("i", "u"):
            word = "a" + word[1:]
        if len(word) > 2:
            word = word[0] + re.sub("[aiu]", "", word[1:-1]) + word[-1]
        word = re.sub(r"(.)\1+", r"\1", word)
        if word == before:
            break
    return word


def normalize(word: str) -> str:
    """One word as the rules read it (see the module's docstring). Idempotent."""
    if word.isascii():
        return _arabizi(word) if any("a" <= c <= "z" for c in word) and not word.isdigit() else word
    word = _STRETCHED.sub(r"\1", _MARKS.sub("", word).translate(_FORMS))
    changed = True
    while changed and word not in _KEEP:
        changed = False
        for prefix, rest in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= rest:
                word = word[len(prefix) :]
                changed = True
                break
    return word


def _lemmas(words: str) -> frozenset[str]:
    """The sets the weighing compares with the text's lemmas as they stand: normalized here."""
    return frozenset(normalize(w) for w in words.split())


# Suffixes taken off a word the lexicon does not know, longest first: pronouns (ها هم كم نا ني ه ك ي), verb
# endings (ت وا ون ين), the Levantine object "و" ("خبيتو"), the feminine plural.
ENDINGS = (
    "هما",
    "كما",
    "تها",
    "تهم",
    "ته",
    "ها",
    "هم",
    "هن",
    "كم",
    "كي",
    "نا",
    "ني",
    "وا",
    "ون",
    "ين",
    "ات",
    "ت",
    "ي",
    "ه",
    "ك",
    "و",
)
# A word of OTHER with a possessive or plural on it still names someone else ("صاحبتي", "جارنا", "اخواتي"); not
# "ي" or "ك", which make other words of short ones ("هيك" is not "هي"): those forms are listed in OTHER.
PLURAL_ENDINGS = ("تي", "ته", "تها", "تنا", "ه", "ها", "نا", "هم", "ات", "ين", "ون")
SENTENCE_ENDS = ".!?;\n؟؛"
# Arabic glues "and" to the next word, where the normalized text no longer sees it: a negation reaches less far.
NEGATION_WINDOW = 2

# Pairs read as one word before the text is split: "قبل ما" (before) and the like are not a negation.
_CONJUNCTIONS = {
    "قبل ما": "قبلما",
    "بعد ما": "بعدما",
    "كل ما": "كلما",
    "زي ما": "زيما",
    "زى ما": "زيما",
    "مثل ما": "مثلما",
    "متل ما": "مثلما",
    "اول ما": "اولما",
    "لحد ما": "لحدما",
    "لغاية ما": "لغايةما",
    "لغايه ما": "لغايةما",
    "طول ما": "طولما",
    "ساعة ما": "ساعةما",
    "ساعه ما": "ساعةما",
    "يوم ما": "يومما",
    "بعد اللي": "بعدما",
}
JOINS = {
    **_CONJUNCTIONS,
    **{"و" + pair: joined for pair, joined in _CONJUNCTIONS.items()},
    **{"ف" + pair: joined for pair, joined in _CONJUNCTIONS.items()},
    "خط المساعدة": "خطساخن",
    "خط المساعده": "خطساخن",
    "الخط الساخن": "خطساخن",
    "خط ساخن": "خطساخن",
    "خط الدعم": "خطساخن",
    "abl ma": "ablma",
    "2abl ma": "ablma",
    "ba3d ma": "ba3dma",
    "zay ma": "zayma",
    "kol ma": "kolma",
    "metl ma": "metlma",
}

# Negations written as one word with what they negate, split so the negation is seen (keys and values are
# normalized forms: the engine looks the normalized token up and reads the words as they stand).
_SPELLING = {
    "مافي": "ما في",
    "مفيش": "ما في",
    "مافيش": "ما في",
    "مفيه": "ما في",
    "ماكو": "ما في",
    "ماعندي": "ما عندي",
    "ماعنديش": "ما عندي",
    "معنديش": "ما عندي",
    "معندیش": "ما عندي",
    "مابي": "ما ابي",
    "مابغي": "ما ابغي",
    "مابدي": "ما بدي",
    "ماعاد": "ما عاد",
    "معدش": "ما عاد",
    "معادش": "ما عاد",
    "ماعادش": "ما عاد",
    "مافيني": "ما فيني",
    "مقدرش": "ما اقدر",
    "ماقدرش": "ما اقدر",
    "ماقدر": "ما اقدر",
    "مااقدر": "ما اقدر",
    "ماني": "مش",
    "مانيش": "مش",
    "وما": "ما",
    "فما": "ما",
    "ومش": "مش",
    "ومو": "مو",
    "ولم": "لم",
    "ولن": "لن",
    "ومب": "مب",
    "ماحد": "ما حد",
    "محد": "ما حد",
    "محدش": "ما حد",
    "ماحدش": "ما حد",
    "ماحدا": "ما حدا",
    "مافكرتش": "ما فكرت",
    "مفكرتش": "ما فكرت",
    "ماحاولتش": "ما حاولت",
    "محاولتش": "ما حاولت",
    "ماجرحتش": "ما جرحت",
    "مجرحتش": "ما جرحت",
    "مااذيتش": "ما اذيت",
    "ماعملتش": "ما عملت",
    "مبفكرش": "ما فكر",
    "مابفكرش": "ما فكر",
    "مبقدرش": "ما قدر",
    "مابقدرش": "ما قدر",
    "ماقدرتش": "ما قدرت",
    "مقدرتش": "ما قدرت",
    "مبقاش": "ما عاد",
    "مابقاش": "ما عاد",
    "مبقتش": "ما عاد",
    "مابقتش": "ما عاد",
    "مبقيتش": "ما عاد",
    "مابقيتش": "ما عاد",
    "ماابي": "ما ابي",
    "ماابغي": "ما ابغي",
    "mafi": "ma fi",
    "mafish": "ma fi",
    "mafeesh": "ma fi",
    "mfish": "ma fi",
    "ma3andish": "ma 3andi",
    "ma3ndi": "ma 3andi",
    "mabde": "ma bde",
    "mabi": "ma abi",
}
SPELLING = {normalize(k): " ".join(normalize(w) for w in v.split()) for k, v in _SPELLING.items()}

# -- word sets ---------------------------------------------------------------------------------------------

PILLS = (
    "حبوب حبايه حبايات حبه حبات حباية اقراص قرص برشام دوا دواء ادويه ادويتي دوايا علبه علب شريط شرايط "
    "بنادول باراسيتامول بروفين منوم منومات المنوم مهدئ مهدئات مسكن مسكنات زاناكس ترامادول ليريكا "
    "كلونازيبام ريفوتريل سيرترالين ليثيوم انسولين 7obob 7bob dawa 7abayt"
)
HIGH = (
    "بلكونه بلكون بلكونتي شباك شباكي سطح سطوح كوبري جسر برج عماره بنايه دور طابق جبل منحدر حافه balkona kobri gesr sat7"
)
BLADES = "موس امواس شفره شفرات مشرط كتر كاتر mos shafra"
BODY = (
    "ايدي ايد ايديا دراعي ذراعي دراع ذراع رجلي رجليا فخدي فخادي فخذي فخذ بطني جلدي جلد معصمي "
    "رسغي وشي وجهي راسي صدري كتفي كفي رقبتي ساقي جسمي جسدي edy dera3y"
)

SETS = {
    "SELF": "انا اني انني إنني ana ani nafsi 7ali نفسي حالي روحي لنفسي لحالي بنفسي غيري بدوني دوني بلاي "
    "عني مني لي ليا عندي معايا معي فيني",
    "OTHER": "هو هي هم هما هن انت انتي انتو انتم انتوا هوه هيه انه انها انهم انهن نفسه نفسها نفسهم "
    "نفسك حاله حالها روحه روحها "
    "اخ اخي اخو اخوي اخويا اخويه اخوه اخوها اخت اختي اخواتي ام امي امك ماما امه امها بابا ابوي ابويا ابوك ابوه "
    "ابوها والد والدي والدتي ابن ابني ابنك بنت بنتي بنتك ولدي ولده عيالي اولادي زوج زوجي جوزي جوزك جوزها مراتي "
    "زوجتي صاحب صاحبي صاحبك صاحبه صحاب صحابي صديق صديقي صديقك صديقه صديقتي رفيق رفيقي رفيقه خطيب خطيبي "
    "خطيبه جار جاري جاره جيران عمي عمتي عمو خالي خاله خالتي خالتو جده جدتي ستي تيتا جدو زميل زميلي زميله "
    "مدير مديري مديره دكتور دكتوري دكتوره طبيب طبيبي طبيبه معالج معالجي معالجه ممرض ممرضه مريض مريضي "
    "مريضه بطله شخصيه واحد واحده احد حدا ناس الناس كلهم شخص بنات شباب ولد عيل طفل طفله قطه قطوه كلب "
    "huwa hiya homma enta enti sa7bi sa7bti rfi2ti ukhti akhoya",
    # negations (the one-word forms are split by SPELLING)
    "NEG": "لا ولا ما مش مو مب مستحيل مهوش مهيش موش ميش لن لم ليس لست ليست لسنا بلاش بدون بلا "
    "mesh msh mish mosh mu mo mob ma la lan lam",
    # right after a negation, these do not negate what follows ("مش قادر اوقف تفكير", "مش عارف ليه")
    "NEG_EXCEPT": "قادر قادره قادرين اقدر قدر عارف عارفه اعرف عرف متاكد متاكده بطلت بطل فارق فارقه يفرق "
    "مهم يهم الا غير بس فيني 3aref 2ader",
    "WANT": "رغبه رغبتي بغيت نبغي عايز عايزه عاوز عاوزه بدي ابي ابغي ودي نفسي اتمني تمني نتمني ياريت ياريتني "
    "يارتني ريت ريتني "
    "ليت ليتني حابب حابه اريد اود ارغب امنيتي 3ayez 3ayza 3awez 3awza bde baddi biddi abi abgha nefsy "
    "yaret yaretni",
    # the writer's own death
    "DIE": "اموت موت مت ميت ميته amoot mout mot",
    "WAKE": "اصحي اقوم افوق استيقظ اصحاش صحيت قمت فقت as7a",
    "BORN": "اتولد اولد انولد ولدت اتخلق انخلق خلقت اتوجد انوجد",
    "THINK": "فكر افكر فكرت افكار فكره تفكير بتفكير تخيل اتخيل تخيلت afakar bafakar fekra",
    "SUICIDE": "انتحار انتحاري انتحاريه انتحر نتحر هنتحر حنتحر سانتحر هانتحر antehar inte7ar intihar hantehar",
    "KILL": "اقتل قتل هقتل حقتل اموت موت هموت اذبح اشنق هشنق a2tel aktol amawet",
    "SELFOBJ": "نفسي حالي روحي جسمي جسدي nafsi 7ali",
    "MYLIFE": "حياتي عمري روحي 7ayati",
    "PILLS": PILLS,
    "HIGH": HIGH,
    "JUMP": "انط نط نطيت اقفز قفز قفزت اترمي ارمي اوقع اطيح anot a2fez",
    "WATER": "نيل نهر بحر ترعه بحيره nil ba7r",
    "ROPE": "حبل حبال مشنقه 7abl",
    "BLADES": BLADES,
    "VEIN": "عرق عروق عروقي شريان شرايين شراييني شرياني شرايني وريد وريدي اوردتي معصمي رسغي 3er2 3oro2",
    "BODY": BODY,
    # cutting, burning, scratching: the writer's verbs
    "CUT": "جرحت اجرح جرح هجرح حجرح اشطب شطبت شطب خرشت اخرش خربشت اخربش حرقت احرق حرق هحرق خدشت اخدش "
    "عورت اعور قطعت اقطع عضيت اعض عض gara7t agra7 bagra7 7ara2t",
    "HURT": "جرحت اجرح جرح هجرح اذيت اذي اوذي ااذي هاذي حاذي ضربت اضرب ضرب جوعت اجوع عاقبت اعاقب عاقب عضيت اعض "
    "حرقت احرق حرق شطبت اشطب خرشت اخرش gara7t agra7 bagra7 2aza a2za",
    # a time the writer means to act
    "TONIGHT": "الليله هالليله الليلادي بكره بكرا غدا bokra",
    "DOIT": "سويها اسويها هسويها اعملها هعملها حعملها افعلها سافعلها انفذها هنفذها نفذها a3melha ha3melha",
    "NOTE": "رساله رسايل جواب جوابات ورقه فيديو تسجيل مسج فويس gawab resala risala",
    "BELONGINGS": "هدومي حاجاتي اغراضي كتبي ملابسي اشيائي ممتلكاتي فلوسي لبسي مجوهراتي دهبي",
    "PETS": "قطه قطوه قطتي قطوتي بسه بستي كلب كلبي عصافيري سمكي عيالي ولادي اولادي بناتي",
    "RETURN": "رجع رجعت رجعتلي رجعلي رجعو رجعوا عاد عادت بترجع ترجع يرجع بيرجع راجع راجعه rege3 rag3a",
    "AGAIN": "تاني ثاني مجددا tani",
    "FEELING": "فكره افكار احساس شعور رغبه صوت الصوت حاله ضلمه ظلام e7sas fekra afkar",
    "HOPE": "امل aml",
    "TIRED": "تعبت تعبان تعبانه زهقت مليت طهقت قرفت هلكت زهقان زهقانه طفشت طفشان طفشانه سئمت",
    # weighing: the words the engine looks for around a match must be words it reads
    "WEIGHING": "بس لكن لاكن بل عشان علشان لان ثم بعدين بينما وبعدين قال قالت قالي قالتلي قاللي قالو "
    "يقول تقول قول قلت يقولون بيقولوا اي نيه قصد ابدا خالص بالمره حتي في عن حاجه شي اصلا بتاعي تبعي "
    "حقي تاعي بتاعنا تبعنا حقنا احنا نحن مع من الي علي عند له لها لهم كمان برضو برضه ايضا خلاص اخيرا "
    "دايما دائما لسه لسا قد bas lakin 3ashan",
    # ordinary words kept as they are, so that no ending is cut off them into a word of the lexicon
    "PLAIN": "جديه جدا بجد هيك كانت كان همي",
}

# -- the past, and what brings it back ---------------------------------------------------------------------

PAST = [
    "زمان",
    "من|قبل ~2 سنه|سنين|سنتين|سنوات|عام|اعوام|عامين",
    "سنه|سنين|سنوات ~1 فاتت|مضت|ماضيه",
    "ايام ~1 جامعه|ثانوي|مدرسه|كليه|مراهقه|طفوله|اعدادي|ثانويه|دراسه",
    "لما|عندما|وقت|يوم ~1 كنت ~2 صغير|صغيره|مراهق|مراهقه|طالب|طالبه|طفل|طفله|في|عمري",
    "انا ~2 ثانوي|ثانويه|اعدادي|ابتدائي|مدرسه|جامعه|كليه ~4 كنت",
    "انا ~1 صغير|صغيره|مراهق|مراهقه|طفل|طفله",
    "في ~1 مراهقتي|طفولتي|شبابي|صغري",
    "@YEAR",
    "قبلما ~3 علاج|جلسات|كيتامين|ابدا|ابتدي|بدات|اتعالج",
    "قبل ~2 علاج|جلسات|كيتامين",
    "zaman",
    "في ~0 ماضي",
    "سابقا",
    "سن ~1 @NUMBER|مراهقه|صغير|العشرين",
    "كان ~1 عمري",
    "انا ~1 طالب|طالبه",
    "عشرينات|العشرينات|عشريناتي|تسعينات|التسعينات|الثمانينات|التمانينات|العشرينيات",
    "تعافيت|اتعافيت|تخطيت|تجاوزت|بطلت",
    "كنت ~4 كتير|كثير|دايما|دائما|باستمرار|احيانا|ساعات",
    "كنت ~8 دلوقتي|الحين|هلق|هلا|الان|حاليا|الحمدلله|الحمد",
    "دلوقتي|الحين|هلق|هلا|الان|حاليا|اليوم ~3 احسن|كويس|كويسه|بخير|منيح|منيحه|زين|زينه|تمام|مستقر|مستقره|مختلف|مختلفه",
    "men|abl ~2 sneen|sana|snin|sanateen",
]
RECENT = [
    "امبارح",
    "امس",
    "البارحه",
    "البارح",
    "الليله",
    "هالليله",
    "الصبح",
    "اليوم|النهارده ~3 تاني|مره|كمان|برضه",
    "الاسبوع ~1 ده|دا|هذا|هاد|هادا|هذي|اللي|الماضي",
    "هالاسبوع",
    "هالايام",
    "هاليومين",
    "الفتره ~1 دي|هاي|هذي|الاخيره",
    "الايام ~1 دي|دول|هاي|هذي|الاخيره",
    "مؤخرا",
    "موخرا",
    "اليومين ~1 دول|اللي",
    "من ~1 يومين|امبارح",
    "من ~2 سنه|سنين|سنتين|سنوات|شهور|عام ~1 انا|واحنا",
    "@NEG ~1 بطلت",
    "الشهر ~1 ده|الماضي|اللي|هذا",
    "embare7",
    "imbare7",
    "el ~1 naharda",
]
RETURNING = [
    "@RETURN ~3 @AGAIN|جديد",
    "@FEELING ~3 @RETURN",
    "@RETURN ~2 @FEELING|@THINK|احس|حاسس|حاسه",
    "نفس ~1 @FEELING|مكان|المكان|مكان|الحاله",
    "راجع|راجعه ~2 نفس|مكان|المكان",
    "زي|مثل ~1 قبل|زمان|اول",
    "زيما ~1 كان|كنت",
    "@THINK|احس|حاسس|حاسه|حسيت|@FEELING|عايز|عايزه|بدي|ابي ~3 @AGAIN|جديد",
    "@AGAIN|جديد ~3 @THINK|احس|حاسس|حاسه|@FEELING",
    "اخر ~1 مره ~1 حسيت|احس ~2 كده|كدا|هيك|كذا|بهالشكل",
    "بدا|بدات|ابتدا|ابتدت|بلش|بلشت ~3 يرجع|ترجع|@AGAIN|جديد",
    "هالايام|مؤخرا|الفتره|الايام ~6 افكر|فكر|@THINK|احس|حاسس|حاسه|رغبه",
    "rege3|rag3a ~3 tani|gedid",
    "e7sas|fekra|afkar ~3 rege3|rag3a",
]

# Context that makes a sentence about something other than the writer, when the words found name no one.
FICTION = (
    "فيلم افلام مسلسل مسلسلات حلقه حلقات روايه روايات قصه قصص قصيده اغنيه اغاني مسرحيه مشهد شخصيه بطله "
    "الكاتب كاتبه مؤلف مولف نتفليكس انمي كرتون مانجا وثائقي بودكاست مقال جريده صحيفه سينما "
    "film movie episode series netflix anime mosalsal riwaya"
)
PREVENTION = (
    "وقايه منع توعيه حمله ورشه كورس تدريب تدريبي متطوع متطوعه اتطوعت تطوعت تطوع محاضره ندوه جمعيه "
    "منظمه ماراثون استبيان مقياس خطساخن workshop we2aya wiqaya mana3 taw3eya"
)

# -- rules: (id, category, pattern) ------------------------------------------------------------------------

RULES: list[tuple[str, str, str]] = [
    # -- wish to be dead (C-SSRS 1) --
    ("wish.die", "passive_wish", "@WANT ~3 @DIE"),
    ("wish.be_dead", "passive_wish", "@WANT ~3 اكون|ابقي|كون ~1 ميت|ميته"),
    ("wish.not_wake", "passive_wish", "@WANT|لو|اتمني ~4 @NEG ~2 @WAKE"),
    ("wish.sleep_not_wake", "passive_wish", "انام|نام|نوم ~4 @NEG ~2 @WAKE"),
    ("wish.sleep_forever", "passive_wish", "انام|نام|نوم ~3 للابد|ابدي|ابديا"),
    ("wish.not_born", "passive_wish", "@WANT ~3 @NEG ~2 @BORN"),
    ("wish.not_exist", "passive_wish", "@WANT ~3 @NEG ~2 موجود|موجوده|عايش|عايشه|هنا|هون"),
    ("wish.not_live", "passive_wish", "@NEG ~2 @WANT ~2 اعيش|عيش|اعيشها|حياه|الحياه|هالحياه"),
    (
        "wish.disappear",
        "passive_wish",
        "@WANT ~3 اختفي|اتلاشي ~3 للابد|نهائيا|خالص|وجود|دنيا|هالدنيا|عالم|هالعالم|ابدا",
    ),
    ("wish.disappear_end", "passive_wish", "@WANT ~3 اختفي|اتلاشي $"),
    ("wish.leave_world", "passive_wish", "ارحل|امشي|اسيب|اغادر|اترك|ارتاح ~3 دنيا|هالدنيا|عالم|هالعالم|هالحياه"),
    ("wish.rest_forever", "passive_wish", "ارتاح ~2 للابد|نهائيا|خالص $"),
    (
        "wish.god_take",
        "passive_wish",
        "رب|يارب|الله|ربنا|rab|rabi|allah ~2 خدني|خذني|تاخدني|تاخذني|ياخدني|ياخذني|اخذني|امتني|توفني|توفاني|"
        "يتوفاني|5odni",
    ),
    ("wish.death_better", "passive_wish", "موت|موتي ~2 ارحم|اهون|احسن|افضل|اريح ~3 من|لي|ليا"),
    ("wish.death_relief", "passive_wish", "موت|موتي ~1 راحه|رحمه ~1 لي|ليا"),
    (
        "wish.if_hit",
        "passive_wish",
        "لو|اذا ~6 صدمتني|دهستني|خبطتني|ضربتني|جالي|جاني|اجاني|مت|موت|اموت ~8 @NEG ~2 ازعل|هزعل|حزعل|بزعل|زعل|"
        "اهتم|يفرق|هيفرق|يهمني|مشكله|مانع|امانع",
    ),
    ("wish.dont_mind", "passive_wish", "@NEG ~2 مانع|مشكله|فارق|يفرق|ازعل|امانع ~4 @DIE|موتي"),
    (
        "wish.still_alive",
        "passive_wish",
        "ليه|ليش|لماذا|وش|ليشو ~3 لسه|لسا|لساتني|مازلت|باقي|بعدني ~2 عايش|عايشه|حي|موجود|موجوده",
    ),
    ("wish.life_not_worth", "passive_wish", "حياه|الحياه|عيشه|حياتي ~3 @NEG ~2 تستاهل|تستحق|تسوي"),
    ("wish.envy_dead", "passive_wish", "بحسد|احسد|حسدت|اغار ~4 ميت|ميتين|اموات|الاموات|ماتوا|الميتين"),
    ("wish.illness", "passive_wish", "@WANT ~3 يجيني|يجيلي|تجيني|تجيلي|اصاب|اموت ~2 مرض|سرطان|حادثه|جلطه"),
    ("wish.run_over", "passive_wish", "@WANT ~4 تصدمني|تدهسني|تخبطني|تدوسني|يصدمني|يدهسني"),
    ("wish.arabizi", "passive_wish", "nefsy|3ayez|3ayza|bde|abi|yaretni ~2 amoot|mout|mot"),
    ("wish.desire_death", "passive_wish", "رغبه|رغبتي ~2 موت|الموت|اموت|الرحيل"),
    (
        "wish.why_live",
        "passive_wish",
        "ليه|ليش|لماذا|ليشو ~1 عايش|عايشه|اعيش|نعيش !في|فين|بره|برا|هناك|مع|لحالك|لوحدك|بعيد|جنب",
    ),
    # -- active thoughts (C-SSRS 2) --
    ("active.suicide", "active_thoughts", "@SUICIDE"),
    ("active.kill_self", "active_thoughts", "@KILL ~1 @SELFOBJ"),
    ("active.finish_self", "active_thoughts", "اخلص|هخلص|خلص|a5alas ~1 علي|3ala ~1 @SELFOBJ|@MYLIFE"),
    ("active.rid_life", "active_thoughts", "اخلص|اتخلص|a5alas ~1 من ~1 @MYLIFE"),
    ("active.end_life", "active_thoughts", "انهي|هنهي|انهاء|نهي|انهيت|اخلص|anhi ~1 @MYLIFE"),
    ("active.end_to_life", "active_thoughts", "حد ~1 حياتي|لحياتي|عمري"),
    ("active.end_all", "active_thoughts", "@THINK|@WANT ~2 انهي|هنهي|انهاء ~1 كل ~1 حاجه|شي|اشي|شيء"),
    ("active.by_hand", "active_thoughts", "@DIE|ميت|ميته|حياتي ~3 ايدي|بيدي|بايدي"),
    (
        "active.see_dead",
        "active_thoughts",
        "اتخيل|تخيل|تخيلت|اشوف|شايف|شايفه ~1 نفسي|حالي ~2 ميت|ميته|مشنوق|مشنوقه|منتحر",
    ),
    (
        "active.think_death",
        "active_thoughts",
        "@THINK ~2 موت|موتي !ابوي|ابويا|بابا|امي|ماما|جدي|جدتي|ستي|اخوي|اخويا|اختي|صاحبي|صاحبتي|جوزي|زوجي|ابني|"
        "بنتي|حد|احد|ناس|ابوه|امه|اخوه",
    ),
    ("active.arabizi", "active_thoughts", "a2tel|aktol|amawet ~1 nafsi|7ali"),
    # -- method (C-SSRS 3) --
    ("method.count_pills", "method", "عديت|اعد|عد|جمعت|اجمع|جمع|خبيت|اخبي|خبي|مخبي|مخبيه|حوشت|احوش|حوش|خزنت ~2 @PILLS"),
    ("method.pills_enough", "method", "@PILLS ~6 كفايه|تكفي|يكفي|بيكفي|تكفيني|قاتله|قاتل|مميته|مميت|kfaya|tekfi"),
    ("method.how_many", "method", "كام|كم|قديش ~3 @PILLS ~3 تموت|يموت|تقتل|يقتل|اموت|تكفي|قاتله|قاتل"),
    ("method.how_to", "method", "ازاي|كيف|كيفيه|طريقه|طرق|اسهل|اسرع ~3 اموت|انتحر|انتحار|اقتل"),
    ("method.lethal_dose", "method", "جرعه|كميه|كام|كم ~2 قاتله|مميته|زايده|زائده"),
    ("method.research", "method", "جوجل|دورت|ابحث|بحثت|قريت|بدور|سالت ~6 قاتله|مميته|تموت|يموت|تقتل|انتحار|اموت|انتحر"),
    ("method.high_jump", "method", "@HIGH ~6 @JUMP|ارمي|اترمي"),
    ("method.jump_high", "method", "@JUMP|ارمي ~4 @HIGH"),
    (
        "method.throw_self",
        "method",
        "ارمي|ارمى|هرمي|بارمي|اترمى ~1 @SELFOBJ ~3 @HIGH|@WATER|قطر|القطر|مترو|عربيه|سياره|تريله|شاحنه|قدام|تحت",
    ),
    ("method.drown", "method", "اغرق|هغرق ~1 @SELFOBJ"),
    ("method.hang", "method", "اشنق|هشنق|شنق|اتشنق ~1 @SELFOBJ"),
    ("method.noose", "method", "مشنقه"),
    ("method.rope_anchor", "method", "@ROPE ~8 سقف|مروحه|عارضه|خطاف|رقبتي|رقبه|يتحمل|يشيل|وزني"),
    ("method.vein", "method", "اقطع|اشق|افتح|هقطع|قطع|اقص|قص|a2ta3|2ata3 ~2 @VEIN"),
    ("method.blade", "method", "@BLADES ~6 @VEIN|رقبتي|رقبه|@THINK"),
    ("method.car", "method", "اصدم|اخبط|ادخل|هدخل|هصدم ~4 عمود|حيط|جدار|شجره|تريله|شاحنه|حافه|كوبري"),
    ("method.gun", "method", "مسدس|سلاح|بندقيه|طبنجه ~6 راسي|@SELFOBJ|@THINK|اطلق|اضرب"),
    ("method.shoot", "method", "اطلق|اضرب ~1 نار|رصاص|طلقه ~2 علي ~1 @SELFOBJ|راسي"),
    ("method.poison", "method", "اشرب|ابلع|هشرب|شربت|بلعت ~3 كلور|مبيد|سم|فلاش|بنزين|صبغه|بوتاس"),
    ("method.think_means", "method", "@THINK ~6 @ROPE|@BLADES|مسدس|سلاح|كلور|مبيد|سم"),
    ("method.arabizi_pills", "method", "7obob|dawa ~4 kfaya|tekfi|2atla"),
    ("method.swallow_all", "method", "ابلع|اخد|اخذ|اشرب|ابتلع|هاخد|هبلع ~3 @PILLS|علبه|شريط ~2 كلها|كله|بالكوم"),
    (
        "method.swallow_at_once",
        "method",
        "ابلع|اخد|اخذ|اشرب|ابتلع|هاخد|هبلع ~3 @PILLS|علبه|شريط ~4 مره|دفعه ~0 وحده|واحده",
    ),
    ("method.jump_from_top", "method", "@JUMP ~2 من ~1 فوق"),
    ("method.jump_front", "method", "@JUMP|ارمي ~3 قدام|تحت ~1 قطر|مترو|عربيه|عربيات|سياره|سيارات|تريله|شاحنه"),
    ("method.walk_into_water", "method", "امشي|ادخل|اغطس|انزل ~3 @WATER ~4 @NEG ~1 ارجع|اطلع"),
    ("method.gas", "method", "افتح|اشغل|اسيب ~2 غاز|الغاز|البوتجاز|انبوبه ~6 انام|نام|اقفل|شبابيك"),
    (
        "method.the_way",
        "method",
        "@THINK|ادور|بدور|دورت|بحثت|ابحث ~3 طريقه|طرق|وسيله ~3 @SUICIDE|@DIE|@KILL|انهي|اخلص|موت",
    ),
    ("method.painless", "method", "@SUICIDE|@DIE|موت|طريقه ~4 بدون|غير ~1 الم|وجع|ما ~1 اتوجع|احس"),
    # -- intent (C-SSRS 4) --
    ("intent.decided_end", "intent", "قررت|حسمت|قراري $"),
    ("intent.decided_now", "intent", "خلاص ~1 قررت|حسمت|نويت"),
    ("intent.decision_taken", "intent", "اتخذت|خدت|اخدت|اخذت ~1 قراري $"),
    (
        "intent.intend",
        "intent",
        "ناوي|ناويه|نويت|نيه|نيتي|عازم|عازمه|عزمت|قررت|مصمم|مصممه ~3 @SUICIDE|@KILL|انهي|انهاء|اخلص|@DIE|اعملها|اسويها",
    ),
    ("intent.tonight_is", "intent", "@TONIGHT ~2 هي|هو|هتكون|بتكون ~1 @TONIGHT|يوم|ليله|النهايه|اليوم"),
    ("intent.do_it", "intent", "@DOIT ~2 الليله|هالليله"),
    ("intent.nobody_stops", "intent", "@DOIT ~4 حد|احد|حدا ~2 يوقفني|هيوقفني|يمنعني|هيمنعني|يدري|بيدري|هيعرف|يعرف"),
    ("intent.nobody_stop_me", "intent", "حد|احد|حدا ~2 هيقدر|يقدر|رح ~1 يقدر ~1 يوقفني|يمنعني"),
    ("intent.last_write", "intent", "اخر ~1 مره|حاجه|شي|رساله|كلام|كلمه ~3 اكتب|هكتب|كتب|اكتبها|هكتبها|بكتبها|كتبها"),
    ("intent.last_night_life", "intent", "اخر ~1 يوم|ليله ~3 حياتي|عمري|دنيا|ليا|لي"),
    (
        "intent.wont_see",
        "intent",
        "@NEG|mesh ~2 تشوفوني|هتشوفوني|حتشوفوني|تروني|ترون|تسمعوا|هتسمعوا|تلاقوني|هتلاقوني|تشوفني|هتشوفني ~3 "
        "تاني|بعد|ابدا|مره|بكره",
    ),
    (
        "intent.wont_be_alive",
        "intent",
        "@NEG ~3 عايش|عايشه ~3 بكره|بكرا|الاسبوع|العيد|الشهر|لحد|لغايه|للصبح|رمضان|الصبح",
    ),
    (
        "intent.forgive_me",
        "intent",
        "سامحوني|سامحيني|سامحني|اعذروني ~6 اخر|رايح|رايحه|خلاص|وداعا|ودعوا|الوداع|مش ~1 راجع",
    ),
    ("intent.will_suicide", "intent", "رح|راح|ح|حا|سوف ~1 انتحر|انهي|اقتل"),
    ("intent.resolved", "intent", "عقدت|اخذت ~1 العزم|عزم"),
    ("intent.made_up_mind", "intent", "حسمت ~1 امري|قراري"),
    ("intent.arabizi", "intent", "naweet|nawi|nawya|2arart ~3 a5alas|antehar|amoot|a2tel|anhi"),
    ("intent.end_near", "intent", "قربت|قرب|هانت|دنت ~2 النهايه|نهايتي|ساعتي|الوقت"),
    ("intent.near_end", "intent", "نهايتي|النهايه|ساعتي ~1 قربت|قرب|هانت"),
    ("intent.not_coming_back", "intent", "رايح|رايحه|ماشي|ماشيه|همشي ~3 @NEG ~1 راجع|راجعه|هرجع|حرجع|ارجع $"),
    (
        "intent.never_back",
        "intent",
        "رايح|رايحه|ماشي|ماشيه|همشي ~3 @NEG ~1 راجع|راجعه|هرجع|حرجع|ارجع ~1 تاني|ابدا|خالص",
    ),
    ("intent.farewell", "intent", "ودعتكم|اودعكم|ودعكم|وداعا ~3 للابد|دنيا|عالم|الجميع|كلكم"),
    # -- plan and preparation (C-SSRS 5) --
    ("plan.note", "plan_preparation", "@NOTE ~2 وداع|الوداع|اخيره|انتحار|wada3"),
    (
        "plan.farewell_to",
        "plan_preparation",
        "ودعت|اودع|ودع|هودع ~3 اهلي|اخواتي|صحابي|الكل|الجميع|ماما|امي|بابا|ولادي|عيالي ~3 @NEG ~1 يعرفوا|يدروا|عارفين",
    ),
    ("plan.will", "plan_preparation", "كتبت|اكتب|كتبتها|جهزت|حضرت|خلصت|عدلت|حدثت|عملت|سويت ~2 وصيتي|وصيه|الوصيه"),
    ("plan.give_away", "plan_preparation", "وزعت|اوزع|هوزع|وزع|اديت|عطيت|اعطيت|سلمت|تبرعت|ادي ~3 @BELONGINGS"),
    ("plan.give_pets", "plan_preparation", "اديت|عطيت|اعطيت|سلمت ~3 قطتي|قطوتي|كلبي|بستي|عصافيري"),
    (
        "plan.gave_passwords",
        "plan_preparation",
        "عطيت|اديت|سلمت|كتبت|تركت|سبت|بعت ~3 كلمات|باسورد|باسوردات|حساباتي|ارقام ~1 سر|السر|سري|سريه",
    ),
    ("plan.nobody_burdened", "plan_preparation", "يتعبوا|يتعب|يتبهدلوا|يتبهدل|يحتاروا|يشيلوا|تتعبوا ~2 عدي|بعدي"),
    (
        "plan.arranged_pets",
        "plan_preparation",
        "رتبت|رتب|ارتب|اتفقت|اتفق|طلبت|اطلب|وصيت|اوصي ~8 ياخذ|ياخد|ياخدو|ياخذون|يربي|يهتم|يعتني|يرعي ~3 @PETS",
    ),
    ("plan.after_death", "plan_preparation", "بعدما|بعد ~1 موتي|رحيلي|وفاتي|اموت"),
    ("plan.date", "plan_preparation", "حددت|اخترت|حسمت ~2 اليوم|الطريقه|المكان|التاريخ|الميعاد|الساعه $"),
    (
        "plan.bought",
        "plan_preparation",
        "اشتريت|شريت|جبت|طلبت|اطلب|هشتري|اشتري ~3 @ROPE|موس|امواس|شفرات|شفره|فحم|مسدس|سم|مبيد",
    ),
    ("plan.hid_means", "plan_preparation", "خبيت|خبيته|خبيتو|خبيتها|مخبي|مخبيه ~3 @ROPE|مسدس|شفرات|موس|سم"),
    (
        "plan.funeral",
        "plan_preparation",
        "جنازتي|دفني|قبري|كفني ~4 عايز|عايزه|ابي|بدي|رتبت|اخترت|اغنيه|اغاني|حجزت|اشتريت",
    ),
    (
        "plan.affairs",
        "plan_preparation",
        "رتبت|رتب|ارتب|نظمت|سويت ~1 اموري|اوراقي|امور !للسفر|سفر|للامتحان|للشغل|للدراسه|للجامعه",
    ),
    ("plan.arabizi", "plan_preparation", "gawab|resala|risala|video ~2 wada3"),
    ("plan.note_sorry", "plan_preparation", "@NOTE ~8 سامحوني|سامحيني|سامحني|تزعلوا|تزعلوش|تزعلوش|اسف|اسفه"),
    ("plan.plan_to", "plan_preparation", "خطه|خطتي|خطط ~3 @SUICIDE|@DIE|@KILL|انهي|اخلص"),
    (
        "plan.delete",
        "plan_preparation",
        "مسحت|حذفت|قفلت|هحذف|امسح|همسح ~3 حساباتي|حسابي|صوري|رسايلي|كل ~6 قبلما|عدي|محدش|محد|حد",
    ),
    ("plan.debts", "plan_preparation", "سددت|دفعت|خلصت ~3 ديوني|الديون|فواتيري|قروضي ~6 قبلما|عدي|حد|محد"),
    # -- self-harm, recent (C-SSRS behaviour) --
    ("harm.self", "self_harm", "@HURT ~1 @SELFOBJ|جسمي"),
    ("harm.body", "self_harm", "@CUT ~2 @BODY"),
    ("harm.head_wall", "self_harm", "ضربت|اضرب|خبطت|اخبط|ضرب ~2 راسي|ايدي|قبضتي ~3 حيط|الحيط|حيطه|جدار|الجدار|مرايه"),
    ("harm.till_blood", "self_harm", "لين|لحد|لغايه|حتي|لما|لحدما ~3 طلع|نزل|سال|ينزل|يطلع|نزف|نزفت ~1 دم|الدم"),
    ("harm.back_to", "self_harm", "رجعت|صرت|بديت|ابتديت|بقيت ~1 اجرح|جرح|اشطب|شطب|اذي|اوذي|ااذي|اخرش|agra7|bagra7"),
    (
        "harm.hide",
        "self_harm",
        "اخبي|خبي|اداري|داري|اغطي|غطي|مخبيه|مخبي ~3 جروح|جروحي|علامات|اثار|ندوب|الجروح|العلامات",
    ),
    ("harm.sleeves", "self_harm", "كم|اكمام|جاكت|هودي ~1 طويل|طويله ~6 يشوف|يشوفوا|يلاحظ|حد"),
    ("harm.fresh", "self_harm", "جروح|جرح|جروحي ~1 جديده|جديد|عميق|عميقه|غويط|غويطه"),
    ("harm.reopen", "self_harm", "فتحت|افتح ~2 جروح|جروحي|الجروح !الماضي|قلبي|الروح|زمان|نفسيه"),
    ("harm.starve", "self_harm", "@NEG ~1 اكلت|كلت|باكل|اكل ~4 قصد|قاصد|قاصده|متعمد|متعمده|عمدا"),
    ("harm.purpose", "self_harm", "@CUT|جوعت ~6 قصد|قاصد|قاصده|متعمد|متعمده|عمدا"),
    ("harm.punish", "self_harm", "اعاقب|عاقبت|بعاقب|عاقب ~1 نفسي|حالي|جسمي"),
    ("harm.term", "self_harm", "ايذاء|اذي|اذيه ~1 نفس|النفس|ذاتي|الذات|نفسي|حالي|جسمي|جسدي"),
    ("harm.cigarette", "self_harm", "سيجاره|سجاره|سيجارتي|ولاعه|كبريت ~6 @BODY|@SELFOBJ"),
    ("harm.do_something", "self_harm", "اسوي|اعمل|هعمل|حعمل|سوي ~0 شي|حاجه|اشي ~0 بنفسي|حالي"),
    ("harm.do_something_in", "self_harm", "اسوي|اعمل|هعمل|حعمل|سوي ~0 شي|حاجه|اشي ~0 في ~0 نفسي|حالي"),
    ("harm.do_in_self", "self_harm", "اعمل|هعمل|حعمل|اسوي ~1 في ~0 نفسي|حالي ~1 حاجه|شي"),
    ("harm.arabizi", "self_harm", "gara7t|agra7|bagra7|7ara2t|a2za ~2 nafsi|7ali|edy|dera3y"),
    ("harm.purge", "self_harm", "خليت|اخلي|بخلي ~1 نفسي|حالي ~2 ارجع|استفرغ|اطرش|ترجع"),
    ("harm.relief", "self_harm", "ارتحت|ارتاح|راحه ~3 لما|بعدما|بعد ~1 جرحت|اجرح|شطبت|اشطب|حرقت|احرق|ضربت"),
    # -- attempts (C-SSRS behaviour): urgent when recent or when the feeling is back, gentle when long past --
    (
        "attempt.tried",
        "attempt",
        "حاولت|حاول|محاوله|محاولتي|محاولات|هحاول ~3 @SUICIDE|@DIE|اقتل|انهي|اخلص|اشنق|اغرق|اذبح",
    ),
    (
        "attempt.my_attempt",
        "attempt",
        "محاولتي ~1 الاولي|الاولانيه|التانيه|الثانيه|الاخيره|السابقه|الفاشله|للانتحار|انتحار",
    ),
    ("attempt.made", "attempt", "سويت|عملت ~1 محاوله"),
    ("attempt.swallowed", "attempt", "بلعت|ابتلعت ~2 حبوب|علبه|شريط|برشام|اقراص|منومات|منوم"),
    (
        "attempt.took_all",
        "attempt",
        "اخدت|اخذت|اخد|اخذ|شربت|بلعت ~3 علبه|شريط|علب|شرايط|حبوب|برشام|منومات ~1 كلها|كله|كلهم|كامل|كامله|بحالها",
    ),
    ("attempt.overdose", "attempt", "اخدت|اخذت|بلعت|شربت ~2 جرعه ~1 زايده|زائده|كبيره"),
    ("attempt.stomach", "attempt", "غسيل ~1 معده"),
    ("attempt.hospital_after", "attempt", "مستشفي|طوارئ|عنايه|اسعاف ~8 بعدما|لما|عشان ~3 بلعت|اخدت|شربت|حاولت"),
    ("attempt.survived", "attempt", "نجوت|نجيت ~2 محاوله|محاولتي|انتحار|جرعه"),
    ("attempt.arabizi", "attempt", "7awelt|7awlt|ba7awel ~3 antehar|amoot|a2tel|a5alas"),
    # -- soft signals --
    ("soft.no_hope", "soft_hopeless", "@NEG ~3 @HOPE|مستقبل"),
    ("soft.lost_hope", "soft_hopeless", "فقدت|ضاع|راح|مات|انعدم|خلص|فاقد|فاقده ~1 @HOPE|املي"),
    ("soft.despair", "soft_hopeless", "يايس|يايسه|ياس|يأسان|ميوس|مييوس|ميووس|قنطان"),
    (
        "soft.never_change",
        "soft_hopeless",
        "@NEG ~3 هيتغير|حيتغير|يتغير|بيتغير|تتغير|هتتغير|هيتحسن|يتحسن|هتتحسن|تتحسن|بتتحسن",
    ),
    ("soft.burden", "soft_burden", "عبء|عبيا|عاله|3eb2|3ebe2"),
    (
        "soft.better_without",
        "soft_burden",
        "احسن|افضل|اسعد|اريح|مرتاحين|هيرتاحوا|يرتاحوا|حيرتاحوا|بيرتاحوا|ارتاحوا ~3 دوني|غيري|لاي",
    ),
    ("soft.nobody_miss", "soft_burden", "@NEG ~1 حد|احد|حدا ~2 هيفتقدني|يفتقدني|حيفتقدني|بيفتقدني"),
    (
        "soft.nobody_notice",
        "soft_burden",
        "@NEG ~1 حد|احد|حدا ~3 هيزعل|حيزعل|يزعل|هيحس|حيحس|هيلاحظ|حيلاحظ ~3 عليا|علي|بيا|غيابي|موتي|مت|رحت|اختفيت",
    ),
    (
        "soft.trapped",
        "soft_trapped",
        "محبوس|محبوسه|محاصر|محاصره|مسجون|مسجونه|متكتف|متكتفه|عالق|عالقه|ma7boos|ma7boosa",
    ),
    ("soft.no_exit", "soft_trapped", "@NEG ~3 مخرج|مهرب|منفذ|ملجا|ma5rag"),
    ("soft.no_way_out", "soft_trapped", "@NEG ~3 طريق|سبيل ~1 خروج|نجاه|هروب"),
    ("soft.dead_end", "soft_trapped", "طريق ~1 مسدود|مسدوده|مقفول|مقفوله"),
    ("soft.no_point", "soft_pointless", "@NEG ~3 فايده|فائده|معني|جدوي"),
    (
        "soft.whats_point",
        "soft_pointless",
        "ايه|ايش|شو|وش|ما ~1 فايده ~3 حياه|عيشه|اعيش|عيش|كل|اكمل|وجودي|اي|شي|حاجه|حياتي|حالي",
    ),
    ("soft.whats_point_end", "soft_pointless", "ايه|ايش|شو|وش|ما ~1 فايده $"),
    ("soft.nothing_matters", "soft_pointless", "@NEG|ولا ~1 شي|حاجه|اشي ~2 يهم|فارق|فارقه|يفرق|بيفرق"),
    (
        "soft.cant_go_on",
        "soft_stop",
        "@NEG ~2 قادر|قادره|اقدر|قدر|فيني|عاد|استطيع|يمكنني ~2 اكمل|كمل|استحمل|اتحمل|احتمل|تحمل|اعيش|عيش|اقاوم|"
        "استمر|استمرار|مواصله|اواصل|احتمال !صداع|الم|وجع|برد|حر|ريحه|جوع|"
        "زحمه|زميلي|زميلتي|مديري|مديرتي|كلام|كلامه|كلامها|صوت|دوشه|اكل|حماتي|شغل|فيلم|مسلسل|كتاب|مذاكره|دراسه|"
        "تمرين|طبق|حلقه|كورس|يوم|اليوم|نهار|نهارده",
    ),
    ("soft.cant_anymore", "soft_stop", "خلاص ~1 @NEG ~1 قادر|قادره|اقدر|فيني"),
    ("soft.not_want_go_on", "soft_stop", "@NEG ~2 @WANT ~1 اكمل"),
    ("soft.want_stop", "soft_stop", "@WANT ~3 كل ~1 شي|حاجه|اشي|ده|هذا ~2 يخلص|يوقف|ينتهي|يبطل"),
    (
        "soft.make_it_stop",
        "soft_stop",
        "@WANT ~3 الم|وجع|تفكير|الصوت|الافكار|افكار|دماغي|عقلي|راسي ~3 يوقف|يسكت|يهدي|يخلص|يبطل|تسكت|توقف|تهدا|تخلص",
    ),
    ("soft.gave_up", "soft_stop", "استسلمت|استسلم ~2 خلاص|حياه|الحياه|كل"),
    ("soft.tired_of_life", "soft_exhausted", "@TIRED ~2 من ~1 حياه|حياتي|دنيا|عيشه|وجود|عيش|@SELFOBJ"),
    ("soft.tired_of_all", "soft_exhausted", "@TIRED ~2 من ~1 كل ~1 شي|حاجه|اشي"),
    (
        "soft.arabizi_stop",
        "soft_stop",
        "mesh|msh|mish|ma ~1 2ader|2adra|a2dar|ba2dar ~2 akamel|kammel|a7tamel|asta7mel",
    ),
    (
        "soft.dark_life",
        "soft_hopeless",
        "دنيا|حياه|حياتي|مستقبلي|مستقبل|كل ~2 سودا|سوداء|سوده|اسود|مظلمه|مظلم|ضلمه|ضايع|ضايعه|مدمره|منتهيه",
    ),
    ("soft.no_light", "soft_hopeless", "@NEG ~2 نور ~2 اخر|نفق"),
    ("soft.nothing_to_live_for", "soft_hopeless", "@NEG ~3 اعيش|عيش ~1 عشانه|علشانه|عشانها|لاجله|اجله|له|الو"),
    ("soft.no_reason", "soft_pointless", "@NEG ~2 سبب ~2 اعيش|عيش|اكمل|ابقي|كمل"),
    ("soft.worthless", "soft_burden", "مليش|ماليش|ماليش|ماليش ~1 لازمه|لزمه|قيمه|داعي"),
    ("soft.nothing_me", "soft_burden", "انا ~1 ولا ~1 حاجه|شي"),
    ("soft.heavy_on", "soft_burden", "تقيل|ثقيل|تقيله|ثقيله|حمل ~2 علي ~1 كل|الكل|اهلي|الناس|الجميع|عيلتي"),
    (
        "soft.nobody_cares",
        "soft_burden",
        "@NEG ~1 حد|احد|حدا ~2 يحبني|بيحبني|يحتاجني|محتاجني|بيحتاجني|عايزني|يبيني|يسال ~0 عني",
    ),
    (
        "soft.nobody_cares_me",
        "soft_burden",
        "@NEG ~1 حد|احد|حدا ~2 يهتم|بيهتم|مهتم|يسال|بيسال|فارق ~1 بيا|فيا|فيني|عليا|عني|معاه",
    ),
    (
        "soft.relieved_gone",
        "soft_burden",
        "هيرتاحوا|يرتاحوا|حيرتاحوا|بيرتاحوا|ارتاحوا|مرتاحين ~3 لما|اذا|لو|بعدما ~2 امشي|اروح|اختفي|اموت|مت|رحت",
    ),
    ("soft.feel_trapped", "soft_trapped", "حاسس|حاسه|حسيت|احس|اشعر ~2 مخنوق|مخنوقه|مقيد|مقيده|عالق|عالقه"),
    ("soft.prison", "soft_trapped", "حياتي|حياه|دنيا|بيت|جسمي|دماغي|راسي ~2 سجن|زنزانه|قفص|فخ"),
    ("soft.doors_closed", "soft_trapped", "ابواب|طرق|دنيا ~2 مقفوله|مقفله|مسكره|مسدوده|مغلقه ~3 وشي|قدامي|عليا|علي"),
    ("soft.no_solution", "soft_trapped", "@NEG ~2 حل|حلول ~1 غير|الا|سوي"),
    (
        "soft.life_meaningless",
        "soft_pointless",
        "حياتي|حياه|عيشتي|عيشه|وجودي|كل ~2 ملهاش|ملوش|مالها|مالهاش|مالو|بلا|بدون ~1 معني|طعم|لازمه|فايده|هدف",
    ),
    ("soft.whats_life_for", "soft_pointless", "ايه|شو|وش|ما ~1 هدف|معني ~2 حياتي|وجودي|حياه|عيشه"),
    ("soft.nothing_tastes", "soft_pointless", "@NEG|ولا ~1 شي|حاجه ~2 ليها|الها|له|الو ~1 معني|طعم"),
    ("soft.done_tired", "soft_stop", "@TIRED|استسلمت ~1 خلاص|خلص $"),
    ("soft.done_now", "soft_stop", "خلاص ~1 @TIRED|استسلمت $"),
    ("soft.no_more_left", "soft_stop", "ما ~1 عاد ~1 فيني $"),
    ("soft.soul_tired", "soft_exhausted", "روحي|قلبي ~1 تعبت|تعب|تعبان|تعبانه|تعبانه"),
    ("soft.tired_of_trying", "soft_exhausted", "@TIRED ~2 من ~2 احاول|اقاوم|اكمل|اعيش|محاوله|مقاومه|كفاح|تمثيل|اتظاهر"),
    ("soft.arabizi_tired", "soft_exhausted", "ta3bt|ta3abt|zehe2t|zhe2t ~2 men ~1 7aya|el7aya|kol|dunya"),
]

# -- shields: everyday senses, religion, the dosing experience, medicine, daily life -------------------------

SHIELDS = [
    # idioms of dying and killing
    "موت|ميت|ميته|هموت|اموت|موتتني|موتني|فطست|فطسني|فطستني|قتلني|قتلتني|اموتك|هموتك ~3 ضحك|تعب|جوع|عطش|برد|حر|"
    "زهق|ملل|خوف|شوق|فضول|نوم|غيظ|قهر|كسل|حب|خضه|رعب|فرحه|فرح|غيره|حماس|انتظار|da7k",
    "حر|برد|زحمه|جوع|غلا|حلو|حلوه|جميل|جميله|جامد|جامده|تعب ~1 موت|يموت|مميت",
    "موت|اموت|هموت ~1 واعرف|واشوف|وافهم|واجرب|عليه|عليها|عليك|فيك|فيكي|فيه|فيها|فيكم",
    "موت|اموت|هموت ~0 في ~0 !حادثه|نوم|نومي|سريري|مستشفي|بحر|هدوء|سلام|صمت|الحال|ساعتها|اي|لحظه|مكان|غربه|بيتي",
    "اموت|موت ~1 قبلك|قبلكم|قبلها|قبله|قبلكي|فداك|فداكي|فداكم|فدا",
    "ياخذ|ياخد ~1 عمري|روحي ~1 قبلك|قبلكم|فداك",
    "قتلت|موتت|هلكت|بقتل|اغرق|هغرق|غرقت ~1 نفسي|حالي ~4 شغل|ضحك|تمرين|جيم|مذاكره|دراسه|تنضيف|تنظيف|عياط|اكل|"
    "رجيم|امتحانات|رياضه",
    "ميت|ميته|ميتين ~2 تعب|نوم|جوع|ضحك|برد|تعبان",
    # religion: death in prayers and condolences is ordinary
    "موت ~1 حق",
    "كلنا ~2 هنموت|سنموت|نموت|ميتون|ميتين|رايحين|ميت",
    "امتني|توفني|توفاني|يتوفاني ~3 مسلم|مسلما|مسلمه|مؤمن|مومن|مومنا|الاسلام|الشهاده|شهيد|شهيده|خيرا|خير|ساجد|"
    "ساجدا|طاعتك|حسن",
    "خدني|خذني|تاخدني|تاخذني ~2 بيتك|لبيتك|حج|للحج|عمره|للعمره|مكه|لمكه|زياره",
    "حسن ~1 خاتمه|الخاتمه",
    "الله|ربنا ~1 يرحمه|يرحمها|يرحمهم|يرحمك|يرحم",
    # the dosing experience itself
    "موت|ذوبان|تلاشي|اختفاء|انحلال ~1 الانا|الايجو|ايجو|الذات|ذات|ego",
    "حسيت|احس|حاسس|حاسه|شعرت|اشعر|كاني|كانني|زيما ~1 اني|انني|انا|نفسي|حالي ~0 موت|اموت|ميت|ميته|هموت|اختفي|"
    "اتلاشي|ذوب|اذوب|دوب|خرجت|طاير|طايره|اتولد|تولد",
    "موت|اموت|ميت ~4 اتولد|تولد|ولاده|ميلاد|ولدت ~2 جديد",
    "نفسي|ذاتي ~1 القديمه|قديمه ~2 ماتت|تموت|مات",
    "كيه ~1 هول",
    "k ~1 hole",
    # medicine and daily life
    "جرعه ~3 زودت|زود|خفف|خففت|قلل|قللت|نزل|نزلت|رفع|رفعت|دكتور|طبيب|مللي|ملي|ملغ|مجم|mg",
    "@PILLS ~3 ضغط|سكر|منع|حمل|فيتامين|حديد|كالسيوم|قلب|غده|معده|صداع|برد|كحه|زكام|حساسيه",
    "@PILLS ~4 كل ~2 ساعه|ساعات|يوم|صبح|ليله|اكل|فطار|غدا|عشا",
    "@PILLS ~4 في ~1 يوم|اليوم|اسبوع",
    "@PILLS ~4 صيدليه|صيدلي|روشته|وصفه|الصيدليه",
    "علبه ~1 الاسبوع|اسبوعيه|ادويه|دوا",
    "قطعت|جرحت|عورت|اتعورت|اتجرحت|انجرحت|حرقت|اتحرقت|خدشت ~3 صباعي|اصبعي|صباع|اصبع|ضفري|اظافري|شعري|شعر|غره|قصه",
    "طبخ|بطبخ|طبيخ|مطبخ|بصل|خضار|فرن|زيت|شاي|قهوه|مكوه|مكواه|بوتجاز|بوتاجاز|طاسه|حله|غلايه|كاتل|سلطه ~6 @CUT|@HURT",
    "@CUT|@HURT|ضربت|خبطت ~6 بفتح|افتح|فتح|تونه|مسمار|ورقه|شوكه|بصلح|طبخ|بطبخ|بقطع|مطبخ|بصل|خضار|فرن|زيت|شاي|"
    "قهوه|مكوه|مكواه|بوتجاز|بوتاجاز|طاسه|حله|غلايه|كاتل|سلطه|قزاز_مكسور|غلط|بالغلط|وقعت|اتكعبلت|اتزحلقت|تزحلقت",
    "غلط|بالغلط|وقعت|اتكعبلت|اتزحلقت|تزحلقت ~6 @CUT|@HURT|ضربت|خبطت",
    "@NEG ~1 قصد|قاصد|قاصده|متعمد",
    "@NEG ~1 كفايه|تكفي|يكفي|بيكفي",
    "@PILLS|علبه|شريط ~4 ميعادها|موعدها|مواعيدها|ميعاده|ميعاد|موعد",
    "@BELONGINGS ~4 قديمه|جمعيه|خيريه|رمضان|عيد|زكاه|صدقه|محتاجين|فقرا|فقراء|دار|ملجا|ضيقه|صغيره",
    "عندي|فيا|ترك|تركت|ساب|سابت|سبب|سببلي|خلفلي|اثر ~2 جرح|جروح ~1 نفسي|نفسيه",
    "جرح|جروح ~1 نفسي|نفسيه ~1 عميق|كبير|قديم|من|سببه|سابه",
    "اقطع ~1 ايدي|دراعي|راسي ~2 لو|ان|اذا|الا",
    "حبل ~1 غسيل|الغسيل|نط|منشر|الخيمه|تسلق",
    "نط ~1 حبل|الحبل",
    "موس|امواس|شفرات ~1 حلاقه|الحلاقه|دقن|ذقن",
    "وداع|الوداع|ودعت|توديع|ودعنا|وداعا|ودعكم|ودعتكم|اودعكم ~8 زميل|زميلي|زميلتي|زملا|زملاء|زملائي|زمايلي|شغل|"
    "الشركه|مدير|المدرسه|سفر|مسافر|مسافره|السفر|مطار|محطه|هجره|تقاعد|حفله|اجازه|تخرج",
    "حفله|زميل|زميلي|زميلتي|زملا|زملائي|زمايلي|مسافر|مسافره|مطار|سفر ~6 وداع|الوداع|ودعت|توديع",
    "ياخد|ياخذ|يربي|يهتم|يعتني ~6 مسافر|مسافره|سفر|سفري|اجازه|اجازتي|رحله|رحلتي|مستشفي|عمليه|بره|برا",
    "يوم|تاريخ|ميعاد|موعد ~4 فرح|خطوبه|سفر|امتحان|مقابله|عمليه|حفله|اجتماع|دكتور|دكتوره|عياده|جلسه|ميلاد|عيد",
    "اخر ~1 يوم ~3 شغل|الشغل|دراسه|المدرسه|الجامعه|اجازه|سنه|رمضان|الامتحانات",
    "امل ~2 في|فيه|فيها|مع ~1 نت|النت|الواي|زحمه|مواصلات|كوره|فريق|منتخب|حكومه|مطعم|امتحان|ماده|عربيه|جهاز",
    "محبوس|محبوسه|محاصر|عالق|عالقه|مخنوق|مخنوقه ~3 حر|زحمه|اسانسير|مصعد|مطار|مطر|طريق|مرور|حجر|كورونا",
    "خطه ~1 امان|الامان|سلامه|السلامه",
    "ارقام ~1 طوارئ|الطوارئ",
    "سالتني|سالني|سالوني|سال|سالت|بيسال|يسال|نسال|اسال|بتسال ~2 اذا|لو|ان|عن ~6 انتحار|اذي|تاذي|تنتحر|اموت|"
    "نفسي|حياتي|نفسك|موت",
    "عمليه|عمليات|تفجير|هجوم|حزام|تفجيري|ارهابي ~1 انتحاري|انتحاريه",
    "انتحاري|انتحاريه ~1 فجر|تفجير|ارهابي",
    "انتحار ~1 سياسي|اقتصادي|مهني|رياضي",
]

# -- the words the weighing reads (lemmas: normalized here, as the engine compares them as they stand) ---------

# Words after which a new clause begins when looking back for who a match is about ("قالت [انا كويسه]").
REPORTING = _lemmas("قال قالت قالي قالتلي قاللي قالو يقول تقول بيقول بتقول يقولون بيقولوا بس لكن")
# Words a negation does not reach across.
CLAUSE = _lemmas("بس لكن لاكن بل عشان علشان لان ثم بعدين وبعدين بينما وانا bas lakin 3ashan")
# Words a negation reaches across without using up its window ("ما عندي اي نية اني انتحر").
TRANSPARENT = _lemmas(
    "اي نيه قصد ابدا خالص بالمره حتي عندي اني افكار فكره تفكير رغبه اصلا فكر افكر بفكر فكرت ناوي ناويه نويت "
    "لدي لدى يوجد توجد تعد يعد عاد عدت يخطر بيخطر ببالي تراودني"
)
POSSESSIVE = _lemmas("بتاعي تبعي حقي تاعي بتاعنا تبعنا حقنا")
# Someone else as the subject just before a preparation ("هي كتبت رساله").
SUBJECTS = _lemmas("هو هي هم هما هن انت انتي انتو انتم احنا نحن huwa hiya homma")
PREPOSITIONS = _lemmas("ل مع من عن في الي علي عند له لها لهم")
DOER_ADVERBS = _lemmas("بس كمان برضو برضه ايضا خلاص اخيرا دايما دائما لسه لسا حتي قد")
