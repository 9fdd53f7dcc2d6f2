// Ordinary English words (second half of the alphabet), written for sitrep.
export const COMMON_WORDS_2 = `
machine mad magic magnet maid mail main major make male mall man manage manner manual many map
marble march margin marine mark market marriage mask mass master match material math matrix
matter maximum may mayor maze meal mean measure meat mechanic medal media medical medium meet
member memory mental mention menu merchant mercy merge merit mess message metal meter method
middle midnight might mild mile military milk mill mind mine minister minor minute mirror miss
mission mistake mix mobile model modern modest module moment money monitor monkey monster month
mood moon moral more morning most mother motion motor mountain mouse mouth move movie much mud
multiply muscle museum music must mutual my mystery myth
nail name narrow nation native natural nature navy near neat neck need negative neglect neither
nerve nest net network neutral never new news next nice night nine noble nobody node noise none
noon normal north nose not note nothing notice novel now nuclear number nurse nut
oak object obtain obvious occur ocean odd offer office officer official often oil okay old olive
omega on once one onion online only open opera operate opinion opponent option options oracle
orange orbit order ordinary organ origin orphan other outcome outdoor outer outlook output outside
oven over owl own owner oxygen
pace pack package page pain paint pair palace palm pan panda panel panic paper parade parent
park part partner party pass passage passion past patch path patient patrol pattern pause pay
peace peak pearl pen penalty pencil people pepper perfect perform period permit person pet phase
phone photo phrase physical piano pick picture piece pig pilot pin pink pioneer pipe pirate
pitch pixel place plain plan planet plant plastic plate platform play player plaza please pledge
plenty plot plug plus pocket poem poet point poison polar pole police policy polish political
poll pond pony pool poor pop popular port portal portion position positive post pot potato
pound powder power practice praise pray predator prefer premium prepare present preserve press
pretty prevent price pride priest primary prime prince princess print prior prison privacy
private prize problem process produce product profile profit program progress project promise
proof proper property prophet protect proud prove provide public pull pulse pump punch pupil
puppy pure purple purpose push put puzzle pyramid python
quality quantum quarter queen query quest question quick quiet quit quite quote
rabbit race rack radar radio rage rail rain raise rally ranch random range rank rapid rare rat
rate raven raw razor reach react read reader ready real reality realm reason rebel recall
receive recipe record recover red reduce reflect reform refuse region regret reject relax release
relief rely remain remember remind remote remove render renew rent repair repeat replace reply
report rescue research reserve resist resolve resort resource respect respond rest result retail
retire return reveal revenge review reward rhythm rice rich ride ridge rifle right ring riot rise
risk ritual rival river road robot rock rocket role roll roof room root rope rose rough round
route royal rubber rude rule run rural rush rust
sad safe safari sail salad salt same sample sand satan satellite save say scale scan scatter
scattered scene scheme school science scope score scout scream screen script sea seal search
season seat second secret section sector secure security see seed seek seem segment select self
sell send senior sense sentence series serious servant serve server service session set settle
seven shade shadow shake shall shape share shark sharp shed sheep sheet shelf shell shelter shield
shift shine ship shirt shock shoe shoot shop shore short shot should shoulder shout show shower
shut shy sick side sight sign signal silence silent silk silver simple since sing single sister
sit site situation six size skill skin sky slack slave sleep slice slide slim slip slot slow
small smart smell smile smoke smooth snake snap snow so soap social sock soft soil solar soldier
solid solution solve some son song soon sorry sort soul sound soup source south space spare
spark speak special speech speed spell spend sphere spice spider spike spin spirit split spoon
sport spot spray spread spring spy square squad stable staff stage stair stake stamp stand star
start state station status stay steady steal steam steel step stick still stock stone stop store
storm story strange stream street strength stress stretch strike string strong student studio
study stuff style subject submit success such sudden sugar suit summer summit sun super supply
support sure surface surge surprise surround survey survive suspect swamp swap swarm swear sweet
swift swim swing switch sword symbol system
table tablet tackle tail take tale talent talk tall tank tap tape target task taste tax tea
teach team teams tear tech teen telegram tell temple tempest ten tenant tend tennis tent term
test text thank that the theme then theory there thick thief thing think third this thought
thread threat three throne through throw thumb thunder ticket tide tiger tight time tiny tip
tired title to toast today together token tomato tone tongue tool tooth top topic torch total
touch tough tour tower town toy trace track trade traffic trail train transfer trap travel treat
tree trend trial tribe trick trip troll troop trophy trouble truck true trust truth try tube
tune tunnel turn turtle twelve twenty twin twist two type typhoon
ugly ultra umbrella uncle under union unique unit unity universe unknown until up update upon
upper urban urge usage use useful user usual
vacuum valid valley value van vault vector vehicle velvet vendor venture venue verse version
very vessel veteran victim victory video view village vine violent viper virtual virus visa
vision visit visitor vital voice void volcano volume vote voyage
wage wagon wait wake walk wall wallet wander want war warm warn warning warrior wash waste watch
water wave way we weak wealth weapon wear weather web wedding week weight welcome well west wet
whale what wheat wheel when where which while whisper white whole why wide wife wild will win
wind window windows wine wing winner winter wire wise wish witch with wolf woman wonder wood wool
word work worker world worm worry worth wrap write writer wrong
yard year yellow yes yet yield young youth
zero zone zoom
`
