// Common given names, written for sitrep: a capitalised pair that starts with one of these is a
// person (not labelled), and the surname alone later in the article is the same person.
export const FIRST_NAMES = `
aaron abby abdul abdullah abraham adam adrian ahmed aidan aisha alan albert alberto alejandro alex
alexander alexandra alexis alfred ali alice alicia alison allan allen amanda amber amy ana andre
andrea andreas andrew andy angela angelo anil anita ann anna anne annie anthony anton antonio
arjun arnold arthur ashley audrey austin barbara barry ben benjamin bernard beth betty bill billy
blake bob bobby boris brad bradley brandon brenda brendan brett brian bruce bryan caleb cameron
carl carla carlos carmen carol caroline carolyn casey catherine chad charles charlie chen cheryl
chris christian christina christine christopher chuck cindy claire clara claudia clifford colin
connor craig crystal cynthia dale dan daniel danielle danny darren dave david dean debbie deborah
denis dennis derek diana diane dimitri dmitry dmitri dominic don donald donna doris dorothy doug
douglas dustin dylan earl ed eddie edgar edith edward eileen elena eli elizabeth ellen elon emily emma
eric erica erik erin ethan eugene eva evan evelyn evgeny fabio faisal fatima felix fernando frances
francesco francis francisco frank fred frederick gabriel gail gary gavin george gerald gina giovanni
glen glenn gloria gordon grace graham greg gregory hannah hans harold harry hassan heather heidi
helen henry hiroshi holly howard hugo hui ian igor irene isaac ivan jack jacob jacqueline jake james
jamie jan jane janet janice jared jason javier jay jean jeff jeffrey jen jennifer jenny jeremy jerry
jesse jessica jill jim jimmy jin joan joe joel johan john johnny jon jonathan jordan jorge jose
joseph josh joshua joyce juan judith judy julia julian julie justin kai karen karl kate katherine
kathleen kathy katie keith kelly ken kenneth kevin kim kimberly kirk kristen kurt kyle lance larry
laura lauren lawrence lee leo leon leonard leslie liam lily linda lisa liz lori louis louise lucas
lucy luis luke lynn maria marie mario mark martin marvin mary mathew matt matthew maurice max megan
melissa michael michelle miguel mike mikhail mohamed mohammed monica nancy naomi natalie nathan neil
nicholas nick nicole nikolai noah norman oleg oliver olivia omar oscar owen pablo pamela pat patricia
patrick paul paula pavel pedro peter phil philip phillip pierre rachel rafael raj rajesh ralph ramon
randy raymond rebecca richard rick rob robert roberto robin rod rodney roger roman ron ronald rose
ross roy russell ruth ryan sabrina sally sam samantha samuel sandra sara sarah scott sean
sebastian sergei sergey seth shane shannon sharon shawn sheila simon sonia sophia stacy stan stanley
stefan stephanie stephen steve steven stuart sue susan suzanne tammy tanya tara ted teresa terry
theresa thomas tim timothy tina todd tom tommy tony tracy travis troy tyler valerie vanessa vera
victor victoria viktor vincent virginia vladimir walter wang warren wayne wei wendy william willie
yan yang yuri zach zachary zhang
`

/** Words before a name that say it is a person's. */
export const PERSON_TITLES = `
mr mrs ms dr prof sir dame lord lady president ceo cto ciso cio cfo coo founder cofounder co-founder
chairman chairwoman director researcher researchers analyst spokesperson spokesman spokeswoman
professor senator rep representative governor mayor minister secretary chancellor judge attorney
lawyer detective officer sheriff deputy agent author reporter journalist editor manager engineer
developer hacker chief head lead vp executive commissioner inspector sergeant captain general
colonel admiral prime pope king queen prince princess
`
