"""Small word lists used to resolve speakers: titles, roles, given names by gender, outlets."""

from __future__ import annotations

# Titles that precede a name; normalised key on the right.
TITLES = {
    "vice president": "vice president",
    "vp": "vice president",
    "president": "president",
    "press secretary": "press secretary",
    "secretary": "secretary",
    "senator": "senator",
    "sen.": "senator",
    "sen": "senator",
    "governor": "governor",
    "gov.": "governor",
    "representative": "representative",
    "rep.": "representative",
    "congressman": "congressman",
    "congresswoman": "congresswoman",
    "spokeswoman": "spokeswoman",
    "spokesman": "spokesman",
    "spokesperson": "spokesperson",
    "director": "director",
    "chief": "chief",
    "speaker": "speaker",
    "leader": "leader",
    "chairman": "chairman",
    "chairwoman": "chairwoman",
    "minister": "minister",
    "prime minister": "prime minister",
    "mayor": "mayor",
    "judge": "judge",
    "attorney general": "attorney general",
    "candidate": "candidate",
    "nominee": "nominee",
    "adviser": "adviser",
    "advisor": "adviser",
    "aide": "aide",
    "manager": "manager",
    "campaign manager": "campaign manager",
    "first lady": "first lady",
}
HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "madam": "f", "dr.": "", "dr": ""}
FEMALE_WORDS = frozenset("spokeswoman congresswoman chairwoman woman lady she her madam mother wife".split())
MALE_WORDS = frozenset("spokesman congressman chairman man he him his mr father husband".split())

# A compact list of common given names (US news); a name not listed has unknown gender.
FEMALE_NAMES = frozenset(
    """kamala hillary symone nancy elizabeth sarah sara maria mary jennifer jen karine jill michelle
    melania ivanka kellyanne hope nikki amy susan alexandria ilhan rashida kirsten lisa patricia
    linda barbara jessica karen betsy condoleezza madeleine samantha dianne tulsi marjorie liz
    huma donna debbie kayleigh stephanie ana anna laura kate katie rachel emily megyn greta dana
    heather kristi kristen gretchen janet gina deb marsha martha joni susana valerie christine
    margaret catherine carly ann anne jane julie""".split()
)
MALE_NAMES = frozenset(
    """joe joseph donald ken kenneth bernie barack mike michael john ted marco jeb ben chris
    christopher rand paul jim james bill william george tim tom thomas andrés andres manuel juan
    chad alejandro steve steven stephen robert bob rick richard jeff mitch chuck kevin lindsey
    jerry mark matt matthew david dan daniel peter pete ron eric reince sean corey newt rudy
    rudolph jared anthony tony scott brian jason adam andrew gary greg jack jake lou marty
    reid harry martin lincoln jon jonathan al alberto antony xavier merrick lloyd ron kirk
    ryan nick nicholas frank henry charles vladimir xi emmanuel boris justin benjamin""".split()
)
OUTLET_WORDS = frozenset(
    """news review times post journal press reuters ap cnn fox msnbc nbc abc cbs npr politico
    breitbart tribune gazette herald magazine daily observer telegraph guardian bloomberg axios
    examiner caller beast hill huffpost huffington wire report network radio tv television
    associated""".split()
)
ORG_WORDS = frozenset(
    """house administration department ministry government office agency council committee
    campaign party commission court congress senate embassy police army military fbi cia dhs
    white pentagon company corporation group union university institute foundation regime
    republicans democrats gop team staff""".split()
)
ANONYMOUS_HEADS = frozenset(
    """official officials source sources aide aides insider insiders person people spokesperson
    spokesman spokeswoman staffer staffers adviser advisers advisor advisors observer observers
    critic critics analyst analysts expert experts diplomat diplomats""".split()
)
# Common-noun heads that can report speech (people and bodies of people).
HUMAN_NOUNS = frozenset(
    """people group groups leader leaders voter voters member members lawmaker lawmakers president
    administration government regime campaign team party officer officers police spokesperson
    republicans democrats conservatives liberals activists activist residents resident witness
    witnesses protester protesters supporters supporter opponents opponent authorities authority
    agency department ministry committee council court senate congress organization organisations
    organization organizations man woman men women prosecutor prosecutors author authors researcher
    researchers scientist scientists doctor doctors democrat republican candidate candidates poll
    polls survey report study video statement document documents data""".split()
)
