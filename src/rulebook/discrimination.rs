//! Slurs and demeaning phrases about race, religion, sex, gender identity, disability and
//! nationality. Slurs are matched as whole words; a few have innocent neighbours (faggots and
//! peas, spastic diplegia, Offa's Dyke, spic and span) listed in `SLUR_ALLOW`.

/// Slurs. Matched whole-word, case-insensitive; plain and common respellings.
pub const SLURS: &[&str] = &[
    "nigger", "niggers", "nigga", "niggas", "n1gger", "n1gga", "nigg3r", "paki", "pakis",
    "p4ki", "wog", "wogs", "golliwog", "coon", "coons", "chink", "chinks", "chinky", "gook",
    "gooks", "spic", "spics", "spick", "kike", "kikes", "yid", "yids", "raghead", "ragheads",
    "towelhead", "towelheads", "sand nigger", "wetback", "wetbacks", "beaner", "beaners",
    "gyppo", "gyppos", "gypo", "pikey", "pikeys", "darkie", "darkies", "darky",
    "jungle bunny", "slant-eye", "slanteye", "slanty", "zipperhead", "camel jockey",
    "muzzie", "muzzies", "mussie", "mussies", "taig", "taigs", "faggot", "faggots", "dyke", "dykes", "tranny", "trannies", "shemale", "shemales", "he-she", "ladyboy",
    "retard", "retards", "retarded", "libtard", "spaz", "spazz", "spazzy", "spastic",
    "spastics", "mong", "mongs", "mongo", "mongoloid", "cripple", "cripples", "midget",
    "midgets", "window licker", "tard", "feminazi", "femoid", "foid", "roastie",
    "poofter", "batty boy", "homo", "homos", "lezza", "lesbo", "gippo",
];

/// Words after (or before) a slur that make it something else.
pub const SLUR_ALLOW: &[&str] = &[
    "cheese", "in the armour", "in the armor", "in his armour", "of light", "and peas",
    "faggots and", "and gravy", "mr brain", "diplegia", "quadriplegia", "paraplegia",
    "hemiplegia", "diplegic", "cerebral", "paresis", "gait", "tone", "colon", "dysphonia",
    "offa", "road", "dyke road", "and span", "gems", "flame", "growth", "fag break",
    "fag ash", "for a fag", "smoking", "cigarette", "cigarettes", "ciggie", "lighter",
    "packet of", "kok", "sapiens", "finger in the", "hong kong",
];

/// Groups, as nouns, for "typical ___", "___ are all ___", "these ___".
pub const GROUPS: &[&str] = &[
    "foreigner", "foreigners", "immigrant", "immigrants", "migrant", "migrants",
    "asylum seeker", "asylum seekers", "refugee", "refugees", "illegals", "muslim",
    "muslims", "jew", "jews", "jewish people", "hindu", "hindus", "sikh", "sikhs",
    "christians", "black people", "blacks", "asians", "asian", "africans", "african",
    "indians", "indian", "pakistanis", "pakistani", "chinese", "polish", "poles", "romanians",
    "romanian", "bulgarians", "albanians", "albanian", "eastern europeans", "eastern european",
    "nigerians", "nigerian", "filipinos", "filipino", "arabs", "arab", "mexicans", "mexican",
    "gypsies", "gypsy", "travellers", "pikeys", "irish", "scots", "welsh", "english",
    "americans", "french", "women", "woman", "female", "females", "girls", "men", "male",
    "gays", "gay", "lesbians", "trans", "trans people", "transgender", "trans women",
    "trans woman", "disabled", "disabled people", "the disabled", "wheelchair users",
    "autistic", "autistics", "fatties", "old people", "oldies", "boomers",
    "overseas nurses", "overseas doctors", "international doctors", "imgs", "img",
    "foreign doctors", "foreign nurses", "health tourists", "illegal immigrants",
    "these people", "those people", "their lot", "that lot",
];

/// Demeaning predicates: "___ are all lazy", "breed like rabbits", "clogging up A&E".
pub const DEMEANING: &[&str] = &[
    "lazy", "dirty", "smelly", "stink", "stinking", "thieves", "criminals", "terrorists",
    "animals", "savages", "vermin", "parasites", "leeches", "scroungers", "freeloaders",
    "cockroaches", "rats", "stupid", "thick", "useless", "inferior", "subhuman",
    "backward", "primitive", "breed like", "breeding like", "swarm", "swarming", "flood",
    "flooding", "invading", "invasion", "invaders", "clogging", "clogging up", "clog up",
    "draining", "drain on", "sponging", "spongers", "taking over", "ruining", "rapists",
    "can't be trusted", "cannot be trusted", "shouldn't be allowed", "should not be allowed",
    "don't belong", "do not belong", "not welcome", "send them back", "deport them",
    "should be deported", "kick them out", "go home", "too emotional", "hysterical",
    "can't drive", "cannot drive", "belong in the kitchen", "in the kitchen",
    "make me a sandwich", "not real women", "not a real woman", "men in dresses",
    "man in a dress", "mentally ill", "a mental illness", "perverts", "groomers",
    "disgusting", "abomination", "unnatural", "sin", "diseased", "riddled", "burden",
    "burdens", "waste of money", "scum", "a disgrace", "disgrace", "all the same", "all alike", "taking all the", "taking our", "stealing our",
    "steal our", "take our jobs", "taking over",
    "shouldn't be surgeons", "shouldn't be doctors", "shouldn't be consultants",
    "shouldn't be in charge", "should stay at home", "should be at home",
];

/// Phrases that demean on their own.
pub const PHRASES: &[&str] = &[
    "go back to your own country",
    "go back to your country",
    "go back where you came from",
    "go back to where you came from",
    "go back home where you belong",
    "send them all back",
    "send them back where they came from",
    "should go back to their own country",
    "go back to their own country",
    "go back to africa",
    "go back to pakistan",
    "go back to poland",
    "ching chong",
    "me no speak",
    "no speaka",
    "me love you long time",
    "learn to speak english",
    "learn english",
    "learn some english",
    "learn proper english",
    "can't even speak english",
    "cant even speak english",
    "can't speak english properly",
    "cant speak english properly",
    "can't speak proper english",
    "cant speak proper english",
    "can't even speak proper english",
    "speak english or",
    "speak fucking english",
    "speak bloody english",
    "this is england speak",
    "health tourists",
    "health tourist",
    "illegals",
    "women belong in",
    "get back in the kitchen",
    "back to the kitchen",
    "trans women are men",
    "trans women are not women",
    "identifies as an attack helicopter",
    "identify as an attack helicopter",
    "attack helicopter",
    "special needs lol",
    "the disabled are",
    "not a real woman",
    "not a real man",
    "real women have",
    "man in a dress",
    "men in dresses",
    "our country is full",
    "breed like rabbits",
];

/// Health-equity and clinical framing: the group is the subject of care, not contempt.
pub const EQUITY_FRAME: &[&str] = &[
    "more likely", "less likely", "higher risk", "at risk", "disparities", "disparity",
    "inequality", "inequalities", "inequity", "equity", "outcomes", "access to",
    "barriers", "we must", "we need to", "support", "supporting", "care for", "deserve",
    "racism", "racist", "sexism", "misogyny", "discrimination", "abuse", "hate crime",
    "tackle", "tackling", "fight", "challenge", "challenging", "myth", "stereotype",
    "stereotypes", "prejudice", "bias", "allyship", "ally", "inclusion", "inclusive",
    "welcome", "proud", "thank", "celebrate", "celebrating", "history month", "pride",
    "must stop", "told me", "told us", "was told", "were told", "are told", "get told",
    "told they", "told she", "dismissed", "labelled", "labeled", "called me", "called us",
    "was called", "been called", "said to me", "he said", "she said", "they said",
    "shouted at me", "yelled at me", "screamed at me", "abused", "reported", "experienced", "hate", "zero tolerance",
    "unacceptable", "not ok", "not okay", "never ok", "isn't ok", "no place", "stand with",
    "stand against", "solidarity", "research", "study", "data", "evidence", "rates",
];

/// After "typical ___": a description of care, not a stereotype.
pub const TYPICAL_ALLOW: &[&str] = &[
    "diet", "diets", "presentation", "presentations", "symptoms", "symptom", "food", "foods",
    "cuisine", "patient", "patients",
    "case", "cases", "features", "finding", "findings", "age", "population", "populations",
    "cohort", "demographic", "name", "names", "wedding", "festival", "dish", "dishes",
    "breakfast", "meal", "meals", "dress", "greeting", "custom", "customs", "recipe",
];
