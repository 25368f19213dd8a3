//! Words that tell anger from excitement, and the acronyms that are not shouting.

/// All-caps words that are abbreviations, not shouting.
pub const ACRONYMS: &[&str] = &[
    "NHS", "ICU", "ITU", "HDU", "GMC", "NMC", "HCPC", "BMA", "RCN", "RCM", "GDC", "GPHC",
    "COVID", "PPE", "CQC", "NICE", "ED", "AE", "GP", "GPS", "MRI", "CT", "ECG", "EEG", "BP",
    "HR", "IV", "IM", "UK", "USA", "US", "EU", "WHO", "CEO", "CPD", "MDT", "OSCE", "MRCP",
    "FRCS", "FY1", "FY2", "ST3", "SHO", "RMO", "ANP", "ACP", "HCA", "RN", "RGN", "RMN", "OT",
    "SALT", "ALS", "BLS", "ILS", "ATLS", "AKI", "COPD", "CKD", "DKA", "PE", "DVT", "MI",
    "STEMI", "NSTEMI", "TIA", "UTI", "CPR", "DNACPR", "DNR", "ROSC", "NEWS", "NEWS2", "SBAR",
    "AMU", "SAU", "CDU", "OPD", "MSK", "ENT", "OBGYN", "NICU", "PICU", "SCBU", "ASAP", "FYI",
    "RIP", "OK", "TV", "BBC", "ITV", "PDF", "FAQ", "AI", "IT", "HIV", "TB", "MMR", "HPV",
    "RSV", "AMA", "NYC", "LA", "RCP", "RCS", "RCGP", "RCEM", "RCPCH", "RCOG", "AHP", "AHPS",
    "ODP", "SPR", "PHD", "MSC", "BSC", "MBBS", "MD", "DM", "DNA", "RNA", "MRSA", "CDIFF",
    "ABG", "VBG", "FBC", "UE", "LFT", "CRP", "INR", "SATS", "GCS", "AVPU", "ABCDE", "ACS",
    "SOB", "CP", "LOL", "OMG", "TBH", "IMO", "BTW", "DM", "DMS", "AM", "PM", "NB", "PS",
    "PTO", "ID", "HQ", "QR", "URL", "WFH", "HSE", "NHSE", "ICB", "ICS", "PCN", "CCG", "LMC",
    "APPG", "RTT", "KPI", "ED", "SDEC", "UTC", "MIU", "WIC", "IRL", "JD", "JDS", "IMG",
    "IMGS", "CCT", "ARCP", "MRCS", "MRCGP", "PLAB", "UKMLA", "USMLE", "ACLS", "PALS", "NLS",
    "APLS", "EPALS", "ENT", "EMS", "EMT", "PA", "PAS", "NP", "CNS", "LGBTQ", "LGBTQIA",
    "LGBT", "BAME", "EDI", "HEE", "UKHSA", "MHRA", "DHSC", "NIHR", "RCT", "NNT", "FIFA",
];

/// Anger: with shouting or stacked punctuation these make a rant.
pub const ANGER: &[&str] = &[
    "done with", "sick of", "sick and tired", "fed up", "dare", "hate", "hated", "disgrace",
    "disgraceful", "disgusting", "joke", "a joke", "ridiculous", "useless", "pathetic",
    "unacceptable", "angry", "furious", "fuming", "livid", "seething", "raging", "rage",
    "enough", "had enough", "shame", "shameful", "never again", "rubbish", "stupid",
    "idiots", "idiot", "clowns", "incompetent", "wtf", "ffs", "seriously", "unbelievable",
    "can't believe", "cannot believe", "cant believe", "nobody cares", "no one cares",
    "treated like", "insult", "insulting", "liars", "lies", "lying", "shambles", "utter",
    "quit", "quitting", "resign", "screw", "sort it out", "sort yourselves out", "sack",
    "sacked", "blame", "excuse", "excuses", "worst", "awful", "terrible", "appalling",
    "outrageous", "outrage", "not acceptable", "what the hell", "the hell",
    "bloody", "damn", "crap", "shut up", "get lost", "idiotic", "morons",
    "dumb", "unreal", "scandal", "scandalous", "rude", "entitled", "ungrateful", "vile",
    "nasty", "toxic", "bullying", "bullied", "lied", "f***", "no respect", "zero respect",
    "anymore", "this place", "this trust", "this hospital", "this job", "you people",
    "not happening", "like that", "get a grip", "wonder why", "without a break", "shove", "who do they think", "who does he think", "who does she think",
    "who do you think", "thinks he can", "thinks she can", "think they can",
];

/// Exasperated questions: anger only with shouting or stacked punctuation and no happy words.
pub const EXASPERATED: &[&str] = &["why", "how come", "who the hell", "are you kidding", "really"];

/// Celebration: shouting with these and no anger is excitement, not a rant.
pub const POSITIVE: &[&str] = &[
    "proud", "amazing", "congrats", "congratulations", "well done", "thank", "thanks",
    "thank you", "love", "loved", "happy", "celebrate", "celebrating", "best", "brilliant",
    "great", "welcome", "excited", "delighted", "award", "won", "winner", "birthday",
    "fantastic", "incredible", "awesome", "yay", "woohoo", "hooray", "huge", "massive",
    "grateful", "thrilled", "passed", "qualified", "graduated", "finally", "good luck",
    "go team", "superstar", "superstars", "legend", "legends", "heroes", "wow", "omg",
    "beautiful", "lovely", "cute", "wonderful",
];

/// Threats: heated-tone at medium.
pub const THREATS: &[&str] = &[
    "watch your back",
    "you'll regret",
    "you will regret",
    "youll regret",
    "make you regret",
    "make sure you regret",
    "you'll pay for this",
    "you will pay for this",
    "you'll be sorry",
    "you will be sorry",
    "i know where you live",
    "i know where you work",
    "know where you park",
    "you've been warned",
    "you have been warned",
    "consider yourself warned",
    "i'm coming for you",
    "coming for you",
    "i will find you",
    "i'll find you",
    "i will end you",
    "i'll end you",
    "i'll destroy you",
    "i will destroy you",
    "i'll ruin you",
    "i will ruin you",
    "ruin your career",
    "end your career",
    "you're finished",
    "you are finished",
    "mark my words",
    "i'll make sure you",
    "i will make sure you",
    "i'll make your life hell",
    "make your life hell",
    "see you in the car park",
    "meet me in the car park",
    "wait till i see you",
    "wait until i see you",
];

/// Angry words and accusations in a reply to a review.
pub const REVIEW_ANGER: &[&str] = &[
    "liar", "liars", "lies", "lying", "how dare", "rude", "pathetic", "no idea",
    "you have no idea", "disgusting", "disgrace", "shame on you", "ungrateful", "entitled",
    "vile", "nasty", "clueless", "ignorant", "deluded", "pathetic", "cheek", "nerve",
    "keyboard warrior", "cowards", "coward", "get a life", "didn't deserve", "waste of",
];

/// Anger that counts on its own, without shouting.
pub const ANGRY_ALONE: &[&str] = &[
    "how dare", "fuming", "livid", "seething", "absolutely raging", "raging right now",
    "sick to death of", "had it up to here", "i'm done with this", "im done with this",
    "done with this place", "done with this trust", "screw this", "so angry", "so furious",
    "absolutely furious", "beyond angry", "beyond furious", "shove it", "stick your",
    "stuff your", "shove your", "sort it out", "sort yourselves out", "you people",
    "shame on you", "shame on them", "i've had enough", "ive had enough", "i have had enough",
];
