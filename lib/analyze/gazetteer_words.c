/*
 * gazetteer_words.c — the words that tell what a capitalised name is:
 * well-known organizations and outlets, cue words of organization names
 * ("Ministry", "Journal") and place names ("River"), titles written before
 * a name ("Supreme Leader", "Sen.") and their modifiers, honorifics, role
 * nouns written in lower case ("spokesman"), common first names with their
 * usual gender, demonyms, sentence openers that are never names, and the
 * months and weekdays (dates, not entities).
 *
 * Written for parallax (no list copied from elsewhere).  Same format as
 * gazetteer_places.c: folded keys, each list sorted bytewise.
 */
#include "analyze/entity.h"

static const char *const orgs[] = {
    "abc", "abc news", "aclu", "afp", "agence france-presse", "al jazeera", "al qaeda",
    "al-jazeera", "al-qaeda", "al-qaida", "al-shabab", "amazon",
    "amnesty international", "anc", "ansa", "apple", "arutz sheva", "associated press",
    "at&t", "axios", "bbc", "bloomberg", "boeing", "boko haram", "breitbart",
    "bundestag", "buzzfeed", "cbs", "cbs news", "cdc", "chevron", "cia", "citigroup",
    "cnbc", "cnn", "congress", "daily mail", "defense department", "democrats", "dhs",
    "disney", "doj", "downing street", "dpa", "duma", "economist", "efe", "elysee",
    "epa", "european commission", "european parliament", "exxon", "exxonmobil",
    "facebook", "fars", "fatah", "fbi", "fcc", "fda", "federal reserve", "fema", "fifa",
    "financial times", "ford", "fox news", "ftc", "gallup", "general electric",
    "general motors", "goldman sachs", "google", "gop", "greenpeace", "guardian",
    "haaretz", "hamas", "hezbollah", "hhs", "hizbollah", "homeland security",
    "house of commons", "house of lords", "house of representatives", "huffington post",
    "ibm", "imf", "independent", "instagram", "intel", "interpol", "ioc", "irgc",
    "irna", "irs", "isil", "isis", "jerusalem post", "jpmorgan", "justice department",
    "kcna", "kgb", "knesset", "kremlin", "kyodo", "lapd", "likud", "los angeles times",
    "microsoft", "mlb", "mossad", "msnbc", "muslim brotherhood", "nasa", "nato", "nba",
    "nbc", "nbc news", "netflix", "new york times", "newsweek", "nfl", "nhl", "nih",
    "npr", "nra", "nsa", "nypd", "opec", "oxfam", "parliament", "pbs", "pentagon",
    "pew", "planned parenthood", "politico", "red cross", "republicans", "reuters",
    "revolutionary guard", "revolutionary guards", "ria novosti", "salon", "samsung",
    "security council", "senate", "slate", "sony", "state department", "state duma",
    "supreme court", "taliban", "tass", "telegraph", "tesla", "the atlantic",
    "the economist", "the guardian", "the hill", "time", "times of israel",
    "treasury department", "twitter", "uber", "uefa", "un security council", "unesco",
    "unicef", "upi", "usa today", "verizon", "vox", "wall street journal", "walmart",
    "washington post", "white house", "wikileaks", "world bank", "wto", "xinhua",
    "yahoo", "yonhap", "youtube",
};

static const char *const demonyms[] = {
    "afghan", "african", "albanian", "algerian", "american", "arab", "arabic",
    "argentine", "argentinian", "armenian", "asian", "australian", "austrian",
    "azerbaijani", "bahraini", "bangladeshi", "belgian", "bolivian", "bosnian",
    "brazilian", "british", "buddhist", "bulgarian", "burmese", "cambodian", "canadian",
    "catalan", "catholic", "chilean", "chinese", "christian", "colombian", "communist",
    "congolese", "congressional", "conservative", "croatian", "cuban", "cypriot",
    "czech", "danish", "democrat", "democratic", "dutch", "ecuadorian", "egyptian",
    "emirati", "english", "eritrean", "estonian", "ethiopian", "european", "filipino",
    "finnish", "french", "georgian", "german", "ghanaian", "greek", "guatemalan",
    "haitian", "hindu", "hispanic", "honduran", "hungarian", "icelandic", "indian",
    "indonesian", "iranian", "iraqi", "irish", "islamic", "israeli", "italian",
    "ivorian", "jamaican", "japanese", "jewish", "jordanian", "kazakh", "kenyan",
    "korean", "kurdish", "kuwaiti", "latin american", "latino", "lebanese", "liberal",
    "libyan", "lithuanian", "malaysian", "malian", "mexican", "middle eastern",
    "moroccan", "muslim", "nepalese", "nigerian", "north american", "north korean",
    "norwegian", "pakistani", "palestinian", "panamanian", "persian", "peruvian",
    "polish", "portuguese", "protestant", "qatari", "republican", "romanian", "russian",
    "rwandan", "salvadoran", "saudi", "scottish", "senegalese", "serbian", "shia",
    "shiite", "sikh", "slovak", "socialist", "somali", "south african",
    "south american", "south korean", "soviet", "spanish", "sri lankan", "sudanese",
    "sunni", "swedish", "swiss", "syrian", "taiwanese", "tajik", "thai", "tibetan",
    "tunisian", "turkish", "turkmen", "ugandan", "ukrainian", "uzbek", "venezuelan",
    "vietnamese", "welsh", "western", "yemeni", "zimbabwean",
};

static const char *const org_cues[] = {
    "academy", "administration", "agency", "airline", "airlines", "airways", "alliance",
    "army", "assembly", "association", "authority", "bank", "bureau", "cabinet",
    "caller", "campaign", "caucus", "center", "centre", "chamber", "chronicle",
    "church", "club", "coalition", "college", "commission", "committee", "company",
    "conference", "congress", "consulate", "corp", "corp.", "corporation", "corps",
    "council", "court", "daily", "democrats", "department", "embassy", "examiner",
    "federation", "force", "forces", "foundation", "front", "fund", "gazette", "gop",
    "group", "guard", "guards", "herald", "holdings", "hospital", "house", "inc",
    "inc.", "institute", "institution", "journal", "league", "legislature", "llc",
    "ltd", "ltd.", "magazine", "military", "ministry", "mission", "monitor", "movement",
    "navy", "network", "news", "newspaper", "observer", "office", "organisation",
    "organization", "parliament", "partners", "party", "patrol", "police", "post",
    "press", "radio", "regime", "register", "republicans", "reserve", "review",
    "school", "senate", "service", "services", "society", "squad", "standard", "studio",
    "studios", "system", "team", "television", "times", "today", "tribunal", "tribune",
    "union", "university", "weekly",
};

static const char *const place_cues[] = {
    "airport", "avenue", "base", "bay", "beach", "boulevard", "bridge", "canal",
    "canyon", "cape", "city", "coast", "county", "desert", "district", "falls",
    "forest", "garden", "gulf", "harbor", "harbour", "heights", "highway", "hill",
    "hills", "island", "islands", "lake", "mount", "mountain", "mountains", "ocean",
    "park", "peninsula", "plaza", "point", "port", "province", "range", "region",
    "river", "road", "sea", "square", "station", "strait", "street", "territory",
    "town", "township", "valley", "village", "wing",
};

static const char *const title_heads[] = {
    "adm.", "admiral", "adviser", "advisor", "ambassador", "archbishop", "attorney",
    "ayatollah", "bishop", "brig.", "capt.", "captain", "cardinal", "chairman",
    "chairs", "chairwoman", "chancellor", "chief", "cmdr.", "coach", "col.", "colonel",
    "commander", "commissioner", "congressman", "congresswoman", "councilman",
    "councilor", "councilwoman", "dame", "deputy", "detective", "director", "emir",
    "envoy", "father", "gen.", "general", "gov", "gov.", "governor", "govs.", "imam",
    "inspector", "judge", "justice", "king", "lady", "leader", "lord", "lt.", "maj.",
    "mayor", "minister", "ministers", "mufti", "officer", "pastor", "pope", "premier",
    "president", "president-elect", "presidents", "prime", "prince", "princess",
    "prof.", "professor", "queen", "rabbi", "rep", "rep.", "representative",
    "representatives", "reps", "reps.", "rev.", "reverend", "secretaries", "secretary",
    "secretary-general", "sen", "sen.", "senator", "senators", "sens.", "sergeant",
    "sgt.", "sheikh", "sheriff", "sir", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "sultan", "superintendent", "supt.", "whip",
};

static const char *const title_mods[] = {
    "acting", "affairs", "agriculture", "air", "army", "assistant", "associate",
    "attorney", "chief", "commerce", "crown", "defence", "defense", "democratic",
    "deputy", "district", "economy", "education", "energy", "environment", "executive",
    "finance", "fire", "first", "force", "foreign", "former", "general", "grand",
    "health", "high", "homeland", "house", "intelligence", "interim", "interior",
    "junior", "justice", "labor", "lady", "lieutenant", "majority", "managing",
    "marine", "military", "minority", "national", "naval", "navy", "opposition",
    "police", "presidential", "press", "prime", "principal", "public", "republican",
    "security", "senate", "senior", "sergeant", "special", "staff", "state", "supreme",
    "top", "trade", "transportation", "treasury", "vice",
};

static const char *const honorifics[] = {
    "dr", "dr.", "madam", "madame", "miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "mx.",
};

static const char *const role_nouns[] = {
    "activist", "adviser", "advisor", "agent", "aide", "ambassador", "analyst",
    "anchor", "attorney", "author", "ayatollah", "bishop", "candidate", "cardinal",
    "ceo", "cfo", "chair", "chairman", "chairwoman", "chancellor", "chief", "cleric",
    "co-founder", "coach", "columnist", "commander", "commentator", "commissioner",
    "congressman", "congresswoman", "consultant", "coordinator", "correspondent",
    "councilman", "councilwoman", "counsel", "deputy", "diplomat", "director",
    "economist", "editor", "emir", "envoy", "executive", "expert", "founder", "general",
    "governor", "head", "historian", "host", "imam", "inspector", "investigator",
    "judge", "justice", "king", "lawmaker", "lawyer", "leader", "legislator",
    "lieutenant", "lobbyist", "manager", "mayor", "minister", "negotiator", "nominee",
    "officer", "official", "owner", "pastor", "physician", "player", "pollster", "pope",
    "premier", "president", "president-elect", "priest", "prince", "princess",
    "producer", "professor", "prosecutor", "publisher", "queen", "rabbi", "reporter",
    "representative", "researcher", "scholar", "scientist", "secretary", "senator",
    "sergeant", "sheikh", "sheriff", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "strategist", "sultan", "superintendent", "treasurer", "veteran",
    "vice-president", "whip",
};

static const char *const male[] = {
    "aaron", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "alan",
    "albert", "alberto", "alejandro", "alex", "alexander", "alexei", "alfred", "ali",
    "allen", "amir", "andrew", "andy", "angelo", "anthony", "antonio", "arnold",
    "arthur", "ashraf", "ashton", "ayman", "barack", "barry", "bashar", "ben",
    "benjamin", "benny", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris",
    "brad", "bradley", "brandon", "brett", "brian", "bruce", "bryan", "carl", "carlos",
    "chad", "charles", "charlie", "chris", "christian", "christopher", "chuck",
    "clarence", "cory", "craig", "dale", "dan", "daniel", "danny", "darren", "dave",
    "david", "dean", "dennis", "derek", "diego", "dmitry", "don", "donald", "doug",
    "douglas", "duncan", "dwight", "earl", "ed", "eddie", "edward", "emmanuel",
    "enrique", "eric", "erik", "ernest", "ethan", "eugene", "evan", "fernando",
    "francis", "francisco", "frank", "fred", "frederick", "gary", "gavin", "george",
    "gerald", "gordon", "greg", "gregory", "haider", "hamid", "harold", "harry",
    "hassan", "henry", "herbert", "hosni", "howard", "hugh", "hugo", "hussein", "ian",
    "isaac", "ivan", "jack", "jacob", "jake", "james", "jamie", "jared", "jason",
    "javier", "jay", "jean", "jeb", "jeff", "jeffrey", "jeremy", "jerome", "jerry",
    "jesse", "jim", "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan",
    "jorge", "jose", "joseph", "josh", "joshua", "juan", "julian", "justin", "karl",
    "keith", "ken", "kenneth", "kevin", "khalid", "kim", "kirk", "kurt", "kyle",
    "lance", "larry", "lawrence", "lee", "leon", "leonard", "lindsey", "louis", "luis",
    "luke", "malcolm", "marco", "marcus", "mario", "mark", "martin", "marvin", "matt",
    "matthew", "max", "michael", "miguel", "mike", "mikhail", "mitch", "mitt",
    "moammar", "mohamed", "mohammad", "mohammed", "muammar", "muhammad", "nathan",
    "neil", "nicholas", "nick", "nicolas", "noah", "norman", "nouri", "oliver", "omar",
    "oscar", "pablo", "patrick", "paul", "pedro", "peter", "phil", "philip", "pierre",
    "rafael", "ralph", "randy", "ray", "raymond", "recep", "rex", "reza", "richard",
    "rick", "ricky", "rob", "robert", "rod", "rodrigo", "roger", "ron", "ronald",
    "ross", "roy", "rudy", "russell", "ryan", "salman", "sam", "samuel", "scott",
    "sean", "sergei", "sergey", "shawn", "sid", "simon", "stanley", "stephen", "steve",
    "steven", "stuart", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom",
    "tommy", "tony", "travis", "trey", "tyler", "vernon", "victor", "vincent",
    "vladimir", "walter", "warren", "wayne", "william", "willie", "xi", "yasser",
    "yitzhak", "yusuf", "zachary",
};

static const char *const female[] = {
    "abigail", "alice", "alicia", "alison", "allison", "amanda", "amber", "amy", "ana",
    "andrea", "angela", "angelina", "ann", "anna", "anne", "annie", "april", "ashley",
    "barbara", "betty", "beverly", "brenda", "caitlin", "carla", "carly", "carmen",
    "carol", "caroline", "carolyn", "catherine", "cathy", "charlotte", "cheryl",
    "christina", "christine", "cindy", "claire", "claudia", "condoleezza", "courtney",
    "cynthia", "dana", "danielle", "debbie", "deborah", "debra", "denise", "diana",
    "diane", "donna", "doris", "dorothy", "elaine", "elena", "elizabeth", "ellen",
    "emily", "emma", "erin", "eva", "evelyn", "fatima", "frances", "gabrielle", "gina",
    "gloria", "grace", "hannah", "heather", "heidi", "helen", "hillary", "holly",
    "irene", "ivanka", "jackie", "jacqueline", "jane", "janet", "janice", "jean",
    "jeanne", "jennifer", "jessica", "jill", "joan", "joanne", "jodi", "joyce",
    "judith", "judy", "julia", "julie", "kamala", "karen", "kate", "katherine",
    "kathleen", "kathryn", "kathy", "katie", "kay", "kelly", "kimberly", "kirsten",
    "kirstjen", "kristen", "laura", "lauren", "leah", "linda", "lisa", "liz", "lois",
    "loretta", "lori", "louise", "lucy", "lynn", "madeleine", "maria", "marie",
    "marilyn", "marissa", "martha", "mary", "megan", "melania", "melissa", "michele",
    "michelle", "mildred", "monica", "nancy", "natalie", "nicole", "nikki", "nina",
    "olivia", "pamela", "patricia", "paula", "peggy", "penny", "rachel", "rebecca",
    "regina", "rhonda", "rita", "roberta", "rosa", "rose", "ruth", "sabrina", "sally",
    "samantha", "sandra", "sara", "sarah", "sharon", "sheila", "shirley", "sonia",
    "sophia", "stacey", "stephanie", "susan", "suzanne", "tammy", "tanya", "teresa",
    "theresa", "tiffany", "tina", "tracy", "valerie", "vanessa", "victoria", "virginia",
    "wanda", "wendy", "yolanda", "yulia", "zainab",
};

static const char *const male_titles[] = {
    "archbishop", "ayatollah", "baron", "bishop", "brother", "cardinal", "chairman",
    "congressman", "councilman", "duke", "earl", "emir", "father", "imam", "king",
    "lord", "monsignor", "mr", "mr.", "mufti", "pope", "prince", "rabbi", "sheikh",
    "sir", "spokesman", "sultan",
};

static const char *const female_titles[] = {
    "baroness", "chairwoman", "congresswoman", "councilwoman", "dame", "duchess",
    "lady", "madam", "madame", "miss", "mrs", "mrs.", "ms", "ms.", "princess", "queen",
    "sister", "spokeswoman",
};

static const char *const starters[] = {
    "according", "across", "actually", "added", "additionally", "after", "afterward",
    "afterwards", "again", "ago", "ahead", "already", "also", "although", "altogether",
    "amid", "amidst", "among", "anyway", "apparently", "as", "asked", "at", "back",
    "because", "before", "behind", "besides", "beyond", "both", "but", "by",
    "certainly", "clearly", "consequently", "currently", "dear", "despite", "do",
    "does", "during", "earlier", "either", "eventually", "every", "everyone",
    "everything", "except", "finally", "first", "firstly", "following", "for", "former",
    "furthermore", "given", "hence", "here", "how", "however", "if", "immediately",
    "in", "including", "indeed", "initially", "instead", "just", "last", "lately",
    "later", "latest", "let", "like", "likewise", "many", "meanwhile", "meet", "more",
    "moreover", "most", "much", "nearly", "never", "nevertheless", "new", "next", "no",
    "nobody", "none", "nonetheless", "nor", "not", "noted", "nothing", "now",
    "obviously", "of", "officially", "often", "once", "one", "only", "or", "other",
    "otherwise", "overall", "perhaps", "please", "plus", "previously", "prior", "put",
    "rather", "recently", "regardless", "related", "reportedly", "said", "says",
    "second", "secondly", "several", "similarly", "since", "so", "some", "sometimes",
    "soon", "speaking", "still", "such", "tell", "that", "then", "there", "thereafter",
    "therefore", "these", "they", "this", "those", "though", "thus", "today",
    "together", "tomorrow", "too", "toward", "towards", "under", "unless", "unlike",
    "until", "upon", "usually", "very", "we", "well", "what", "whatever", "when",
    "whenever", "where", "whereas", "whether", "which", "while", "who", "whom", "whose",
    "why", "with", "within", "without", "yes", "yesterday", "yet", "you",
};

static const char *const time_words[] = {
    "apr.", "april", "aug.", "august", "dec.", "december", "feb.", "february", "friday",
    "jan.", "january", "jul.", "july", "jun.", "june", "mar.", "march", "monday",
    "nov.", "november", "oct.", "october", "saturday", "sep.", "sept.", "september",
    "sunday", "thursday", "tuesday", "wednesday",
};

static const char *const other_cues[] = {
    "accord", "act", "agreement", "amendment", "award", "bill", "bowl", "code",
    "constitution", "convention", "cup", "day", "doctrine", "games", "hurricane", "law",
    "lecture", "olympics", "operation", "plan", "prize", "program", "security", "show",
    "storm", "summit", "tower", "treaty", "war",
};

static const char *const not_names[] = {
    "a.m.", "no.", "nos.", "ok", "p.m.", "tv", "vs", "vs.",
};

#define LIST(a, f) {a, sizeof a / sizeof *a, f}
const px_gz_list px__gz_word_lists[] = {
    LIST(orgs, PX_GZ_ORG),
    LIST(demonyms, PX_GZ_DEMONYM),
    LIST(org_cues, PX_GZ_ORG_CUE),
    LIST(place_cues, PX_GZ_PLACE_CUE),
    LIST(title_heads, PX_GZ_TITLE),
    LIST(title_mods, PX_GZ_TITLE_MOD),
    LIST(honorifics, PX_GZ_HONORIFIC | PX_GZ_TITLE),
    LIST(role_nouns, PX_GZ_ROLE),
    LIST(male, PX_GZ_FIRST_NAME | PX_GZ_MALE),
    LIST(female, PX_GZ_FIRST_NAME | PX_GZ_FEMALE),
    LIST(male_titles, PX_GZ_MALE),
    LIST(female_titles, PX_GZ_FEMALE),
    LIST(starters, PX_GZ_STARTER),
    LIST(time_words, PX_GZ_NEVER),
    LIST(not_names, PX_GZ_NEVER),
    LIST(other_cues, PX_GZ_OTHER_CUE),
    {0},
};
