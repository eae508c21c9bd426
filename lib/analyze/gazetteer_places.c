/*
 * gazetteer_places.c — places, for telling a place from a person or an
 * organization: the world's countries (and the short or older names news
 * uses for them), the US states with their AP abbreviations, capitals and
 * cities that are often in the news, and regions, seas and rivers.
 *
 * Written for parallax from common knowledge (these are facts, not a copied
 * list).  Keys are folded (lower case) words joined by one space, each list
 * sorted bytewise: px_gz_lookup() searches them with bsearch(), so there is
 * nothing to initialise and no shared mutable state.  The unit test checks
 * the order (px__gz_sorted()).  Add a name in its sorted place.
 */
#include "analyze/entity.h"

static const char *const countries[] = {
    "abkhazia", "afghanistan", "albania", "algeria", "america", "andorra", "angola",
    "antigua and barbuda", "argentina", "armenia", "australia", "austria", "azerbaijan",
    "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize",
    "benin", "bhutan", "bolivia", "bosnia", "bosnia and herzegovina", "botswana",
    "brazil", "britain", "brunei", "bulgaria", "burkina faso", "burma", "burundi",
    "cambodia", "cameroon", "canada", "cape verde", "central african republic", "chad",
    "chechnya", "chile", "china", "colombia", "comoros", "congo", "costa rica",
    "crimea", "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark",
    "djibouti", "dominica", "dominican republic", "donbas", "east timor", "ecuador",
    "egypt", "el salvador", "england", "equatorial guinea", "eritrea", "estonia",
    "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "gaza",
    "gaza strip", "georgia", "germany", "ghana", "golan heights", "great britain",
    "greece", "greenland", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana",
    "haiti", "holland", "honduras", "hong kong", "hungary", "iceland", "india",
    "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica",
    "japan", "jordan", "kazakhstan", "kenya", "kiribati", "korea", "kosovo",
    "kurdistan", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho",
    "liberia", "libya", "liechtenstein", "lithuania", "luxembourg", "macau",
    "macedonia", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta",
    "marshall islands", "mauritania", "mauritius", "mexico", "micronesia", "moldova",
    "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "namibia",
    "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria",
    "north korea", "north macedonia", "northern ireland", "norway", "oman", "pakistan",
    "palau", "palestine", "panama", "papua new guinea", "paraguay", "peru",
    "philippines", "poland", "portugal", "puerto rico", "qatar", "romania", "russia",
    "rwanda", "saint lucia", "samoa", "san marino", "saudi arabia", "scotland",
    "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia",
    "slovenia", "solomon islands", "somalia", "south africa", "south korea",
    "south sudan", "spain", "sri lanka", "sudan", "suriname", "swaziland", "sweden",
    "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tibet",
    "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "turkmenistan",
    "tuvalu", "uganda", "ukraine", "united arab emirates", "united kingdom",
    "united states", "uruguay", "usa", "uzbekistan", "vanuatu", "vatican", "venezuela",
    "vietnam", "wales", "west bank", "yemen", "zambia", "zimbabwe",
};

static const char *const states[] = {
    "ala.", "alabama", "alaska", "ariz", "ariz.", "arizona", "ark.", "arkansas",
    "calif", "calif.", "california", "colo", "colo.", "colorado", "conn", "conn.",
    "connecticut", "d.c.", "del.", "delaware", "fla", "fla.", "florida", "ga", "ga.",
    "georgia", "hawaii", "idaho", "ill.", "illinois", "ind.", "indiana", "iowa", "kan.",
    "kansas", "kentucky", "ky", "ky.", "louisiana", "maine", "maryland", "mass.",
    "massachusetts", "md", "md.", "mich", "mich.", "michigan", "minn", "minn.",
    "minnesota", "miss.", "mississippi", "missouri", "mo", "mont.", "montana", "n.c.",
    "n.d.", "n.h.", "n.j.", "n.m.", "n.y.", "neb", "neb.", "nebraska", "nev", "nev.",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
    "north dakota", "ohio", "okla", "okla.", "oklahoma", "ore.", "oregon", "pa", "pa.",
    "pennsylvania", "r.i.", "rhode island", "s.c.", "s.d.", "south carolina",
    "south dakota", "tenn", "tenn.", "tennessee", "tex.", "texas", "utah", "va", "va.",
    "vermont", "virginia", "vt.", "w.va.", "wash.", "washington", "washington d.c.",
    "west virginia", "wis", "wis.", "wisconsin", "wyo", "wyo.", "wyoming",
};

static const char *const cities[] = {
    "abu dhabi", "abuja", "accra", "addis ababa", "albuquerque", "aleppo", "algiers",
    "amman", "amsterdam", "anchorage", "ankara", "antwerp", "athens", "atlanta",
    "austin", "baghdad", "baku", "baltimore", "bangkok", "barcelona", "basra",
    "baton rouge", "beijing", "beirut", "belfast", "belgrade", "benghazi", "berlin",
    "bern", "bogota", "bombay", "boston", "brasilia", "bratislava", "bronx", "brooklyn",
    "brussels", "bucharest", "budapest", "buenos aires", "cairo", "calcutta",
    "canberra", "cape town", "capitol hill", "caracas", "casablanca", "charleston",
    "charlotte", "chernobyl", "chicago", "cincinnati", "cleveland", "columbus",
    "copenhagen", "dallas", "damascus", "davos", "delhi", "denver", "detroit", "doha",
    "donetsk", "dubai", "dublin", "durban", "edinburgh", "eilat", "el paso", "erbil",
    "fallujah", "ferguson", "fort hood", "fort worth", "frankfurt", "fukushima",
    "gaza city", "geneva", "glasgow", "guantanamo", "guantanamo bay", "haifa",
    "hamburg", "hanoi", "harlem", "havana", "hebron", "helsinki", "hiroshima",
    "ho chi minh city", "hollywood", "homs", "honolulu", "houston", "idlib",
    "indianapolis", "islamabad", "istanbul", "jacksonville", "jakarta", "jeddah",
    "jenin", "jersey city", "jerusalem", "johannesburg", "kabul", "kandahar",
    "kansas city", "karachi", "kathmandu", "khartoum", "kiev", "kinshasa", "kobani",
    "kolkata", "kuala lumpur", "kuwait city", "kyiv", "lagos", "lahore", "las vegas",
    "lima", "lisbon", "london", "los angeles", "louisville", "luanda", "luhansk",
    "lyon", "madrid", "manchester", "manhattan", "manila", "marseille", "mecca",
    "medina", "melbourne", "memphis", "mexico city", "miami", "milan", "milwaukee",
    "minneapolis", "minsk", "mogadishu", "montreal", "moscow", "mosul", "mumbai",
    "munich", "nablus", "nairobi", "naples", "nashville", "new delhi", "new orleans",
    "new york city", "newtown", "oakland", "odessa", "oklahoma city", "omaha",
    "orlando", "oslo", "ottawa", "paris", "parkland", "perth", "philadelphia",
    "phoenix", "pittsburgh", "portland", "prague", "pretoria", "pyongyang", "quito",
    "rabat", "rafah", "raleigh", "ramadi", "ramallah", "raqqa", "richmond", "riga",
    "rio de janeiro", "riyadh", "rome", "rotterdam", "sacramento", "saint petersburg",
    "salt lake city", "san antonio", "san bernardino", "san diego", "san francisco",
    "san jose", "sanaa", "sandy hook", "santiago", "sao paulo", "sarajevo", "seattle",
    "seoul", "sevastopol", "shanghai", "silicon valley", "sochi", "sofia", "st. louis",
    "st. paul", "st. petersburg", "stockholm", "sydney", "taipei", "tallinn", "tampa",
    "tashkent", "tbilisi", "tehran", "tel aviv", "the hague", "tijuana", "tikrit",
    "tokyo", "toronto", "tripoli", "tucson", "tunis", "vancouver", "vienna", "vilnius",
    "warsaw", "wellington", "yerevan", "zagreb", "zurich",
};

static const char *const regions[] = {
    "africa", "alberta", "amazon basin", "antarctica", "appalachia",
    "arabian peninsula", "arctic", "asia", "atlantic", "atlantic ocean", "bali",
    "balkans", "baltic sea", "bavaria", "black sea", "borneo", "british columbia",
    "caribbean", "caspian sea", "catalonia", "caucasus", "central america",
    "central asia", "corsica", "danube", "darfur", "dead sea", "deep south",
    "east africa", "east asia", "east coast", "euphrates", "europe", "far east",
    "great plains", "guangdong", "gulf of mexico", "himalayas", "hokkaido",
    "horn of africa", "indian ocean", "java", "kashmir", "latin america", "levant",
    "mediterranean", "mediterranean sea", "middle east", "midwest", "mindanao",
    "mississippi river", "near east", "new england", "nile", "north africa",
    "north america", "okinawa", "ontario", "pacific", "pacific ocean", "panama canal",
    "persian gulf", "punjab", "quebec", "red sea", "rhine", "rocky mountains",
    "rust belt", "sahara", "sardinia", "scandinavia", "siberia", "sicily", "sinai",
    "south america", "south asia", "south china sea", "southeast asia",
    "strait of hormuz", "sub-saharan africa", "suez canal", "sumatra", "sun belt",
    "taiwan strait", "tasmania", "thames", "tigris", "west africa", "west coast",
    "xinjiang",
};

#define LIST(a, f) {a, sizeof a / sizeof *a, f}
const px_gz_list px__gz_place_lists[] = {
    LIST(countries, PX_GZ_PLACE),
    LIST(states, PX_GZ_PLACE),
    LIST(cities, PX_GZ_PLACE),
    LIST(regions, PX_GZ_PLACE),
    {0},
};
