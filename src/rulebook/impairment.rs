//! Words for being drunk, hungover or high, for work, and for taking drugs from work.

/// Being drunk, hungover or high.
pub const STATES: &[&str] = &[
    "drunk", "still drunk", "hungover", "hung over", "hangover", "hanging", "still pissed",
    "pissed", "hammered", "wasted", "trollied", "steaming", "legless", "tipsy", "sloshed",
    "blotto", "half cut", "half-cut", "smashed", "still smashed", "off my face",
    "off my head", "off my tits", "off my nut", "mashed", "wrecked", "mortal", "stoned",
    "baked", "high as a kite", "still high", "bit high", "got high", "getting high",
    "buzzed", "tanked", "three sheets to the wind", "worse for wear", "worse for the wear",
    "the fear", "beer fear", "still buzzing from", "rough as", "dying from last night",
    "a few too many", "one too many", "too many drinks", "boozy", "merry",
    "straight from the club", "straight from the pub", "straight from the party",
    "straight from the rave", "straight from the festival", "not been to bed",
];

/// Drinking or drugs that become impairment with work or driving alongside.
pub const INTAKE: &[&str] = &[
    "pints", "beers", "bevvies", "bevs", "shots", "vodkas", "gins", "tinnies", "cans",
    "jagerbombs", "jägerbombs", "bottles of wine", "bottle of wine", "glasses of wine",
    "proseccos", "cocktails", "a line", "lines", "a bump", "bumps", "coke", "cocaine",
    "ket", "mdma", "molly", "pills", "weed", "spliff", "a joint", "zoot", "edible",
    "edibles", "shrooms", "acid", "valium", "xanax", "a few drinks", "few drinks",
    "couple of drinks", "some drinks", "drinking", "drinks", "wine", "vodka", "tequila",
    "🍻", "🍺", "🍷", "🥂", "🍾", "🍸", "🥃", "🍹",
];

/// Work, now or soon.
pub const WORK: &[&str] = &[
    "ward", "on the ward", "shift", "on shift", "night shift", "day shift", "long day",
    "long days", "nights", "on nights", "night", "on call", "on-call", "oncall", "work",
    "at work", "in work", "to work", "before work", "theatre", "theatres", "in theatre",
    "clinic", "handover", "ward round", "rounds", "on duty", "duty", "resus", "a&e", "ed",
    "surgery", "operating", "scrubbed", "scrub in", "seeing patients", "patients", "shift starts",
    "start at", "starting at", "clock in", "clocking in", "8am start", "7am start",
    "in 20 mins", "in 10 mins", "in an hour", "in 30 mins", "in half an hour", "bleep",
    "bleeped", "drug round", "meds round", "obs", "placement", "locum", "lates", "earlies",
    "early shift", "late shift", "on an early", "on a late", "on a long", "an early",
    "a late", "on my break", "on break", "in 1 hour", "in 2 hours", "in 3 hours", "in 4 hours",
    "in two hours", "in three hours", "starting at", "on the road", "ambulance", "the truck", "the car",
    "driving", "drove", "drive", "behind the wheel", "clinical", "consultations",
    "prescribing", "dispensing", "pharmacy", "labour ward", "delivery suite",
];

/// Time off: drinking then is nobody's business.
pub const OFF_DUTY: &[&str] = &[
    "day off", "days off", "night off", "weekend off", "annual leave", "on leave",
    "holiday", "holidays", "hols", "off duty", "not working", "no work", "after work",
    "after my shift", "after the shift", "end of shift", "post shift", "post-shift",
    "after nights", "last night shift", "finished", "finishing", "week off", "off tomorrow",
    "cheers to", "well earned", "well-earned", "on the beach", "night out", "nights out",
    "girls night", "lads night", "not on call", "not on shift", "not on nights",
    "not in work", "glad i'm not", "glad im not", "thank god i'm not", "off today", "off work",
];

/// Drugs kept at work.
pub const WORK_DRUGS: &[&str] = &[
    "oramorph", "morphine", "fentanyl", "midazolam", "diazepam", "lorazepam", "ketamine",
    "propofol", "codeine", "tramadol", "oxycodone", "oxynorm", "entonox", "gas and air",
    "benzos", "cd cupboard", "drug cupboard", "controlled drugs", "controlled drug",
    "drugs trolley", "drug trolley", "sleeping pills", "zopiclone", "temazepam",
    "co-codamol", "cocodamol", "painkillers", "pain killers", "pregabalin", "gabapentin",
    "paracetamol", "ibuprofen", "the stock", "ward stock", "pharmacy stock", "the meds",
    "spare meds", "spare ampoules", "ampoules", "nitrous", "laughing gas", "diamorphine",
    "methadone", "buprenorphine", "sevoflurane", "sevo", "remifentanil", "alfentanil",
];
