// Ordinary English words (first half of the alphabet), written for sitrep. An alias or a
// discovered name that is one of these is not a name on its own: it needs proper case and a cue.
export const COMMON_WORDS_1 = `
a able about above abroad absence absolute absorb abuse academic accept access accident account
accounts accurate accuse achieve acid acquire across act action active activity actor actual
acute ad adapt add addition address adequate adjust admin administration admit adopt adult
advance advanced advantage adventure advice advise affair affect afford afraid after afternoon
again against age agency agenda agent agents ago agree agreement ahead aid aim air aircraft
airline airport alarm alert alien align alive all alliance allow ally almost alone along already
alpha also alter alternative although always amazing ambition amount analysis analyst ancient and
anger angle angry animal announce annual another answer anti anxiety any anybody anyone anything
anyway apart apocalypse app apparent appeal appear apple application apply appoint approach
approve april arch archive area argue arise arm armed armour army around arrange array arrest
arrival arrive arrow art article artist as ash aside ask asleep aspect assault assess asset assets
assign assist assume assure at atom attach attack attempt attend attention attitude attract
audience audit author authority auto automatic autumn available avenue average avoid awake award
aware away awful axe
baby back background backup backdoor bad badge bag balance ball ban band bank banker bar bare
bargain barrel barrier base basic basis basket bat batch bath battery battle bay be beach beacon
bean bear beat beautiful because become bed bee beer before begin behalf behave behind being
belief believe bell belong below belt bench bend benefit beside best bet beta better between
beyond bid big bill bind bird birth bit bite bitter black blade blame blank blast blaze bleed
blend bless blind block blood blow blue board boat body boil bold bolt bomb bond bone bonus book
boost boot border born borrow boss both bother bottle bottom bounce bound bow bowl box boy brain
branch brand brave bread break breath breed brick bridge brief bright bring broad broken brother
brown brush bubble buck budget bug build builder bullet bunch burden bureau burn burst bury bus
business busy but butter button buy buyer by
cab cabin cable cactus cage cake call calm camera camp campaign can canal cancel cancer candidate
candle canvas cap capable capacity capital captain capture car carbon card care career careful
cargo carpet carry cart case cash cast castle casual cat catch category cattle cause caution
cave cell centre center central century certain chain chair challenge chamber champion chance
change channel chaos chapter character charge charger charity charm chart chase cheap cheat check
cheese chef chemical chess chest chicken chief child children chill chimera chip choice choose
chop chrome church circle citizen city civil claim clash class classic clean clear clerk clever
click client cliff climate climb clinic clock close cloth cloud club clue cluster coach coal
coast coat code coffee coin cold collapse collar collect college colony colour color column
combat combine come comedy comfort command comment commerce commission commit common community
company compare compass compete complain complete complex comply component compose computer
concept concern concert conclude concrete condition conduct conference confirm conflict confront
connect conscious consider consist constant construct consult consumer contact contain content
contest context continue contract control convert convince cook cool cooperate cope copy copper
core corn corner correct cost cottage cotton couch could council count counter country county
couple courage course court cousin cover cow crack craft crash crawl crazy cream create creature
credit crew crime criminal crisis critic crop cross crowd crown crucial cruel crush cry crypto
crystal cube culture cup cure curious current curtain curve custom customer cut cyber cycle
dad daily damage dance danger dare dark darkness dash data date daughter dawn day dead deal dear
death debate debt decade decay decide deck declare decline deep deer defeat defence defend
define degree delay delete deliver delta demand demo deny depart depend deploy deposit depth
deputy describe desert design desire desk destroy detail detect develop device devil dialogue
diamond diary dictate die diet differ digital dig dinner direct dirt dirty disaster discord
discover discuss disease dish dismiss display distance district dive divide doctor document dog
dollar domain domestic door dose double doubt down dozen draft dragon drain drama draw dream dress
drift drill drink drive driver drop drug drum dry duck due dull dump during dust duty dwarf
each eager eagle ear early earn earth ease east easy eat echo economy edge edit editor educate
effect effort egg eight either elder elect electric element elephant elite else email embrace
emerge emergency emotion emperor empire employ empty enable end enemy energy engage engine enjoy
enough ensure enter entire entry envelope equal equip era error escape essay estate eternal
evening event ever every evidence evil exact exam example excel exchange excite exclude excuse
execute exercise exhibit exile exist exit expand expect expert explain explode explore export
express extend extra eye
face fact factor factory fade fail fair faith fake fall false fame family famous fan fancy far
farm fashion fast fat fate father fault favour favor fear feast feather feature federal fee feed
feel fellow female fence festival fever few field fierce fight figure file fill film final
finance find fine finger finish fire firm first fish fit five fix flag flame flash flat flavor
fleet flesh flight float flood floor flow flower fly focus fog fold folk follow food fool foot
for force forest forge forget fork form formal fortune forum forward fossil found fountain four
fox frame free freedom freeze fresh friend frog from front frost fruit fuel full fun fund funny
fur future
gain galaxy gallery game gang gap garage garden gas gate gather gauge gear gem general genius
gentle genuine ghost giant gift girl give glad glass global globe glory glove glow go goal goat
god gold golden golf good goods govern grab grace grade grain grand grant grape graph grass grave
gravity great green greet grey grid grief grill grip gross ground group grow guard guess guest
guide guilt guitar gun guy
habit hack hacker hair half hall hammer hand handle hang happen happy harbor hard harm harmony
harvest hat hate have hawk hazard head health hear heart heat heaven heavy hedge height hello
helmet help hen herald hero hidden hide high hill hint hire history hit hive hold hole holiday
hollow holy home honest honey honor hook hope horizon horn horror horse host hot hotel hour house
how huge human humble humor hunger hunt hunter hurry hurt husband hybrid
ice icon idea ideal identify identity idle ignore ill illusion image impact import impose improve
in inch include income increase index indicate industry infant inform initial inject injury ink
inner innocent input insect inside insight inspire install instance instant intel intend interest
internal interview into invest invite iron island issue item
jacket jail jam jaguar jar jaw jazz jet jewel job join joint joke journal journey joy judge
juice jump jungle junior jury just justice
keen keep kernel key kick kid kill kind king kingdom kiss kit kitchen kite kitten knee knife
knight knock know
label labor lab lack ladder lady lake lamb lamp land lane language large laser last late laugh
launch law lawn lawyer layer lazy lead leader leaf league lean learn least leave lecture left leg
legal legend lemon lend length lens leopard less lesson let letter level liberty library licence
license lid lie life lift light like limit line link lion lip liquid list listen little live
load loan lobby local lock locker lodge logic lone long look loop loose lord lose loss lot loud
love low loyal luck lunar lunch
`
