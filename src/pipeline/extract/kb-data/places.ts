// Places and peoples, written for sitrep: never entities in the GUIDE's sense, and the most
// common capitalised words in security news after company names.

/** Countries, regions and peoples: dropped from the front of a name ("Chinese Redfly"). */
export const PLACES = `
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia spain sri sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine
uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
us usa uk u.s u.k eu uae britain england scotland wales europe asia africa america americas oceania
antarctica arctic eurasia balkans caucasus scandinavia crimea donbas gaza kremlin
american americans british chinese russian russians iranian iranians korean koreans japanese
indian israeli israelis ukrainian ukrainians german germans french european europeans asian
african australian canadian mexican brazilian spanish italian dutch polish swedish norwegian
danish finnish swiss austrian belgian irish scottish welsh english turkish greek arab arabic
saudi emirati qatari syrian iraqi afghan pakistani bangladeshi vietnamese thai malaysian
indonesian filipino singaporean taiwanese nigerian egyptian moroccan algerian tunisian libyan
kenyan ethiopian south north east west western eastern southern northern central latin middle
belarusian georgian armenian azerbaijani kazakh uzbek romanian bulgarian serbian croatian
hungarian slovak czech lithuanian latvian estonian portuguese argentine chilean colombian
venezuelan peruvian cuban jamaican haitian russia-based china-based iran-based
`

/** Cities and states: kept in an institution's name ("Colorado Department of Transportation"). */
export const LOCALITIES = `
washington london paris berlin tokyo seoul pyongyang tehran kyiv kiev brussels hague geneva
vienna rome madrid dublin amsterdam stockholm oslo helsinki copenhagen warsaw prague budapest
bucharest sofia athens ankara istanbul jerusalem dubai riyadh doha delhi mumbai bangalore shanghai
shenzhen hong kong taipei manila jakarta sydney melbourne toronto ottawa vancouver montreal
chicago boston york angeles francisco seattle atlanta texas california florida virginia ohio
michigan illinois arizona nevada oregon colorado utah iowa kansas missouri alabama louisiana
carolina dakota tennessee kentucky indiana wisconsin minnesota maryland massachusetts jersey
pennsylvania connecticut delaware maine vermont hampshire alaska hawaii idaho montana wyoming
oklahoma arkansas mississippi nebraska
`

/** Multi-word places whose first word alone is not a place. */
export const PLACE_PHRASES = [
  'North Korea',
  'South Korea',
  'United States',
  'United Kingdom',
  'United Arab Emirates',
  'Saudi Arabia',
  'New Zealand',
  'South Africa',
  'Hong Kong',
  'Sri Lanka',
  'New York',
  'Los Angeles',
  'San Francisco',
  'San Diego',
  'San Jose',
  'Las Vegas',
  'New Orleans',
  'New Jersey',
  'New Mexico',
  'New Delhi',
  'Salt Lake City',
  'Kansas City',
  'Mexico City',
  'Tel Aviv',
  'Abu Dhabi',
  'Kuala Lumpur',
  'Rio de Janeiro',
  'Sao Paulo',
  'Buenos Aires',
  'Silicon Valley',
  'Middle East',
  'Latin America',
  'European Union',
  'North America',
  'South America',
  'Southeast Asia',
  'East Asia',
]
