/*
 * stopwords.c — stop words (function words) of seven languages.
 *
 * The lists were written for parallax from the grammar of each language:
 * articles, pronouns and their forms, auxiliaries, prepositions,
 * conjunctions, common adverbs of degree and time.  They hold folded forms
 * (px_text_fold(): lower case, "ß" -> "ss", NFC), so "dass", not "daß", and
 * English contractions with an ASCII apostrophe ("don't"); a word with the
 * typographic apostrophe U+2019 is matched as if it had the ASCII one.
 *
 * Each list is a static const array sorted bytewise: the lists as written
 * and reviewed.  px__stopwords_sorted() lets the unit test check the order
 * and that nothing is listed twice.
 *
 * Lookups go through one px_map over all lists together, built on first
 * use (call_once: safe from any thread, immutable afterwards), whose value
 * for a word is the set of languages that list it.  Why: the check
 * runs for every token and, seven times per word, for the first words of
 * every article (language.c's vote); a binary search of strcmp()s over the
 * lists was a tenth of `parallax add`'s time, one probe is a few
 * nanoseconds.  The answers are those of the lists, exactly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "text/text_int.h"

static const char *const stop_de[] = {
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an",
    "andere", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim",
    "bin", "bis", "bist", "bzw", "da", "damit", "dann", "das", "dass", "dein", "deine",
    "dem", "den", "denen", "denn", "der", "deren", "des", "dessen", "dich", "die",
    "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort",
    "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es",
    "etwa", "etwas", "euch", "euer", "eure", "für", "gegen", "gewesen", "habe", "haben",
    "hat", "hatte", "hatten", "hier", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre",
    "ihrem", "ihren", "ihrer", "ihres", "im", "in", "ins", "ist", "ja", "jede", "jedem",
    "jeden", "jeder", "jedes", "jene", "jetzt", "kann", "kein", "keine", "keinem",
    "keinen", "keiner", "können", "man", "mehr", "mein", "meine", "mich", "mir", "mit",
    "muss", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne",
    "schon", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seit", "sich",
    "sie", "sind", "so", "soll", "sollte", "sondern", "um", "und", "uns", "unser",
    "unsere", "unter", "vom", "von", "vor", "war", "waren", "warum", "was", "weil",
    "welche", "welchem", "welchen", "welcher", "wenn", "wer", "werde", "werden", "wie",
    "wieder", "wir", "wird", "wo", "wurde", "wurden", "würde", "würden", "zu", "zum",
    "zur", "zwar", "zwischen", "über",
};

static const char *const stop_en[] = {
    "a", "about", "above", "after", "again", "against", "all", "almost", "along",
    "also", "although", "am", "among", "an", "and", "another", "any", "anybody",
    "anyone", "anything", "are", "aren't", "around", "as", "at", "be", "because",
    "been", "before", "being", "below", "beneath", "between", "both", "but", "by",
    "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "down", "during", "each", "either", "else", "enough",
    "even", "ever", "every", "few", "for", "from", "further", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
    "here's", "hers", "herself", "him", "himself", "his", "how", "however", "i", "i'd",
    "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it'd", "it'll",
    "it's", "its", "itself", "just", "least", "less", "let's", "may", "me", "might",
    "mine", "more", "most", "much", "must", "mustn't", "my", "myself", "neither", "no",
    "nor", "not", "now", "of", "off", "often", "on", "once", "only", "onto", "or",
    "other", "others", "otherwise", "ought", "our", "ours", "ourselves", "out", "over",
    "own", "per", "perhaps", "quite", "rather", "same", "shall", "she", "she'd",
    "she'll", "she's", "should", "shouldn't", "since", "so", "some", "such", "than",
    "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
    "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this",
    "those", "though", "through", "thus", "till", "to", "too", "toward", "towards",
    "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "wasn't",
    "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's",
    "whatever", "when", "where", "where's", "whether", "which", "while", "who", "who's",
    "whom", "whose", "why", "will", "with", "within", "without", "won't", "would",
    "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
    "yourself", "yourselves",
};

static const char *const stop_es[] = {
    "a", "al", "algo", "alguna", "algunas", "alguno", "algunos", "ante", "antes",
    "aquel", "aquella", "aquellas", "aquellos", "aquí", "así", "aun", "aunque", "cada",
    "como", "con", "contra", "cual", "cuales", "cuando", "cuyo", "de", "del", "desde",
    "donde", "durante", "e", "el", "ella", "ellas", "ello", "ellos", "en", "entre",
    "era", "eran", "eres", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estaba",
    "estaban", "estado", "estamos", "estas", "este", "esto", "estos", "estoy", "está",
    "están", "fue", "fueron", "fui", "ha", "haber", "había", "habían", "han", "has",
    "hasta", "hay", "he", "la", "las", "le", "les", "lo", "los", "me", "mi", "mientras",
    "mis", "mucho", "muy", "más", "nada", "ni", "no", "nos", "nosotras", "nosotros",
    "nuestra", "nuestro", "o", "os", "otra", "otras", "otro", "otros", "para", "pero",
    "poco", "por", "porque", "pues", "que", "quien", "quienes", "qué", "se", "sea",
    "sean", "ser", "si", "sido", "siempre", "sin", "sobre", "son", "su", "sus",
    "también", "tan", "tanto", "te", "tiene", "tienen", "todo", "todos", "tu", "tus",
    "un", "una", "uno", "unos", "vosotros", "y", "ya", "yo", "él",
};

static const char *const stop_fr[] = {
    "afin", "ai", "aient", "ait", "alors", "as", "au", "aucun", "aussi", "autre",
    "autres", "aux", "avaient", "avait", "avant", "avec", "avez", "avoir", "avons",
    "car", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette",
    "chaque", "chez", "comme", "comment", "dans", "de", "depuis", "des", "donc", "dont",
    "du", "elle", "elles", "en", "encore", "entre", "est", "et", "eu", "eux", "il",
    "ils", "je", "jusqu", "la", "le", "les", "leur", "leurs", "lors", "lui", "ma",
    "mais", "me", "mes", "moi", "moins", "mon", "même", "ne", "ni", "nos", "notre",
    "nous", "on", "ont", "ou", "où", "par", "parce", "pas", "pendant", "peu", "peut",
    "plus", "pour", "pourquoi", "puis", "qu", "quand", "que", "quel", "quelle",
    "quelles", "quels", "qui", "sa", "sans", "se", "selon", "ses", "si", "sien", "son",
    "sont", "sous", "sur", "ta", "tandis", "te", "tes", "toi", "ton", "tous", "tout",
    "toute", "toutes", "très", "tu", "un", "une", "vers", "vos", "votre", "vous", "y",
    "à", "étaient", "était", "été", "être",
};

static const char *const stop_it[] = {
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "ancora", "avere",
    "aveva", "avevano", "c", "che", "chi", "ci", "come", "con", "contro", "cosa", "cui",
    "da", "dagli", "dai", "dal", "dalla", "dalle", "degli", "dei", "del", "della",
    "delle", "dello", "di", "dopo", "dove", "e", "ed", "era", "erano", "essere", "essi",
    "gli", "ha", "hanno", "ho", "i", "il", "in", "io", "la", "le", "lei", "li", "lo",
    "loro", "lui", "ma", "mentre", "mi", "mia", "mio", "molto", "ne", "negli", "nei",
    "nel", "nella", "nelle", "nello", "noi", "non", "nostra", "nostro", "o", "ogni",
    "per", "perché", "più", "poi", "proprio", "quale", "quali", "quando", "quanto",
    "quella", "quelle", "quelli", "quello", "questa", "queste", "questi", "questo",
    "se", "sei", "si", "sia", "siamo", "siete", "solo", "sono", "su", "sua", "sue",
    "sugli", "sui", "sul", "sulla", "suo", "suoi", "tra", "tu", "tutta", "tutte",
    "tutti", "tutto", "un", "una", "uno", "vi", "voi", "è",
};

static const char *const stop_nl[] = {
    "aan", "al", "alle", "alleen", "als", "altijd", "andere", "ben", "bij", "daar",
    "dan", "dat", "de", "der", "deze", "die", "dit", "doch", "doen", "door", "dus",
    "een", "eens", "en", "er", "geen", "geweest", "haar", "had", "heb", "hebben",
    "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "ja", "je",
    "kan", "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet",
    "na", "naar", "niet", "niets", "nog", "nu", "of", "om", "omdat", "ons", "onze",
    "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit",
    "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "we", "wel", "werd",
    "wie", "wij", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn",
    "zo", "zonder", "zou",
};

static const char *const stop_pt[] = {
    "a", "ao", "aos", "aquela", "aquele", "aquilo", "as", "até", "cada", "com", "como",
    "contra", "da", "das", "de", "dela", "dele", "deles", "depois", "desde", "do",
    "dos", "e", "ela", "elas", "ele", "eles", "em", "entre", "era", "eram", "essa",
    "essas", "esse", "esses", "esta", "estas", "este", "estes", "está", "estão", "eu",
    "foi", "foram", "há", "isso", "isto", "já", "lhe", "lhes", "mais", "mas", "me",
    "mesmo", "meu", "meus", "minha", "muito", "na", "nas", "nem", "no", "nos", "nossa",
    "nosso", "num", "numa", "não", "nós", "o", "os", "ou", "para", "pela", "pelas",
    "pelo", "pelos", "por", "porque", "quando", "que", "quem", "se", "seja", "sem",
    "ser", "seu", "seus", "sua", "suas", "são", "também", "te", "tem", "ter", "tinha",
    "têm", "um", "uma", "umas", "uns", "você", "vocês", "à", "às", "é",
};

typedef struct stoplist {
    char lang[3];
    const char *const *words;
    size_t n;
} stoplist;

#define LIST(code) {#code, stop_##code, sizeof stop_##code / sizeof *stop_##code}
static const stoplist lists[] = {
    LIST(de), LIST(en), LIST(es), LIST(fr), LIST(it), LIST(nl), LIST(pt),
};

#define NLISTS (sizeof lists / sizeof *lists)
#define MAX_LEN 32 /* longer words are never stop words */

/* word -> the set of its languages (bit i: lists[i] holds it), stored as
 * the pointer value; built once, never freed: it lives as long as the
 * process. */
static px_map table;
static once_flag table_once = ONCE_FLAG_INIT;

static void build(void)
{
    for (size_t l = 0; l < NLISTS; l++)
        for (size_t j = 0; j < lists[l].n; j++) {
            const char *w = lists[l].words[j];
            size_t n = strlen(w);
            uintptr_t langs = (uintptr_t)px_map_get(&table, w, n);
            px_map_put(&table, w, n, (void *)(langs | 1u << l));
        }
}

static int list_index(const char *lang)
{
    if (!lang || !lang[0] || !lang[1] || (lang[2] && lang[2] != '-' && lang[2] != '_'))
        return -1;
    for (size_t i = 0; i < NLISTS; i++)
        if (lists[i].lang[0] == lang[0] && lists[i].lang[1] == lang[1]) return (int)i;
    return -1;
}

int px__stopword_list(const char *lang) { return list_index(lang); }

unsigned px__stopword_langs(const char *w, size_t len)
{
    if (!w || len == 0 || len > MAX_LEN) return 0;
    /* "don’t" -> "don't" */
    char tmp[MAX_LEN];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            tmp[n++] = '\'';
            i += 2;
        } else {
            tmp[n++] = w[i];
        }
    }
    call_once(&table_once, build);
    return (unsigned)(uintptr_t)px_map_get(&table, tmp, n);
}

int px_text_stopword(const char *lang, const char *w, size_t len)
{
    int l = list_index(lang);
    return l >= 0 && (px__stopword_langs(w, len) >> l & 1);
}

int px__stopwords_sorted(void)
{
    for (size_t i = 0; i < NLISTS; i++) {
        const stoplist *l = &lists[i];
        for (size_t j = 0; j < l->n; j++) {
            for (const char *p = l->words[j]; *p; p++)
                if (*p >= 'A' && *p <= 'Z') return 0;
            if (j && strcmp(l->words[j - 1], l->words[j]) >= 0) return 0;
        }
    }
    return 1;
}
