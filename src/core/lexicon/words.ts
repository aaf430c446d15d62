// Hand-kept word lists for recognizing names in English news. General knowledge only: no list here
// is drawn from an evaluation set. Everything is '|'-separated so the bundle stays small.

/** Titles and roles that precede a person's name and are not part of the span. */
export const TITLES =
  'Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Madam|Madame|Mme|Mlle|Monsieur|Herr|Frau|Senor|Señor|Senora|Señora|' +
  'President|Vice|Premier|Chancellor|Minister|Secretary|Undersecretary|Ambassador|Envoy|Consul|Governor|Gov|Mayor|Deputy|' +
  'Senator|Sen|Representative|Rep|Congressman|Congresswoman|Councillor|Councilor|Councilman|Councilwoman|Commissioner|Chairman|' +
  'Chairwoman|Chair|Chairperson|Speaker|Spokesman|Spokeswoman|Spokesperson|Judge|Justice|Attorney|Prosecutor|Sheriff|Marshal|' +
  'Chief|Officer|Detective|Inspector|Superintendent|Sergeant|Sgt|Constable|Trooper|Agent|Director|Manager|Coach|Captain|Capt|' +
  'Lieutenant|Lt|Colonel|Col|General|Gen|Major|Maj|Admiral|Adm|Commander|Cmdr|Corporal|Cpl|Private|Pvt|Marshal|Brigadier|' +
  'King|Queen|Prince|Princess|Emperor|Empress|Sultan|Emir|Sheikh|Shaikh|Crown|Duke|Duchess|Count|Countess|Baron|Baroness|' +
  'Pope|Cardinal|Archbishop|Bishop|Father|Fr|Reverend|Rev|Pastor|Rabbi|Imam|Ayatollah|Cleric|Sister|Brother|Saint|' +
  'CEO|CFO|COO|CTO|Founder|Co-founder|Executive|Editor|Publisher|Producer|Actor|Actress|Singer|Rapper|Star|Dean|Provost|Rector|' +
  'Leader|Opposition|Premier-designate|President-elect|Prime|Foreign|Defense|Defence|Finance|Interior|Trade|Unification|' +
  'Head|Aide|Adviser|Advisor|Counsel|Lawyer|Analyst|Economist|Professor|Researcher|Scientist|Doctor|Nurse|Mr.|Mrs.|Ms.|Dr.|' +
  'Gov.|Sen.|Rep.|Gen.|Lt.|Col.|Capt.|Sgt.|Prof.|Rev.|Fr.|St.|Jr|Jr.|Sr|Sr.|Patrolman|Officers|Coroner|Warden|Magistrate|' +
  'Commissar|Chancellor-elect|Secretary-General|Director-General|Mayor-elect|Governor-elect|Ex-president|Former|Late|Acting|Interim|' +
  'Incumbent|Veteran|Legendary|Rookie|Quarterback|Striker|Goalkeeper|Midfielder|Defender|Forward|Guard|Pitcher|Catcher|Boxer|' +
  'Champion|Challenger|Heavyweight|GM|Owner|Designer|Author|Novelist|Director|Filmmaker|Comedian|Host|Anchor|Correspondent|Reporter';

/** Honorifics that, seen right before a name, make it a person whatever the lexicons say. */
export const PERSON_TITLES =
  'Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Madam|Madame|Mme|Mlle|Monsieur|Herr|Frau|President|Premier|Chancellor|' +
  'Minister|Secretary|Ambassador|Governor|Gov|Mayor|Senator|Sen|Rep|Representative|Congressman|Congresswoman|Judge|Justice|' +
  'Sheriff|Detective|Inspector|Sergeant|Sgt|Constable|Coach|Captain|Capt|Lieutenant|Lt|Colonel|Col|General|Gen|Admiral|Adm|' +
  'Commander|King|Queen|Prince|Princess|Emperor|Sultan|Emir|Sheikh|Pope|Cardinal|Archbishop|Bishop|Father|Fr|Reverend|Rev|' +
  'Pastor|Rabbi|Imam|Ayatollah|Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman|Director|Officer|Agent|Actress|Actor|' +
  'Dean|Councillor|Councilor|Commissioner|Prosecutor|Attorney|Trooper|Marshal|Corporal|Cpl|Private|Pvt|Patrolman|Coroner|Singer|Rapper';

/** Lowercase words right before a name that make it a person ("actress Tara Reid", "said spokesman X"). */
export const PERSON_CUES_BEFORE =
  'actress|actor|singer|rapper|star|president|minister|premier|chancellor|secretary|ambassador|governor|mayor|senator|spokesman|' +
  'spokeswoman|spokesperson|lawyer|attorney|prosecutor|judge|chairman|chairwoman|director|coach|captain|officer|detective|sheriff|' +
  'leader|chief|founder|executive|ceo|editor|author|writer|producer|designer|model|comedian|host|reporter|correspondent|analyst|' +
  'professor|dr|mr|mrs|ms|player|striker|quarterback|guard|forward|pitcher|boxer|champion|challenger|manager|wife|husband|son|' +
  'daughter|father|mother|brother|sister|uncle|aunt|cousin|girlfriend|boyfriend|fiancé|fiance|fiancée|widow|friend|rep|publicist|' +
  'colleague|deputy|candidate|nominee|councillor|councilor|lawmaker|legislator|congressman|congresswoman|activist|artist|photographer|' +
  'teammate|rookie|veteran|suspect|victim|gunman|defendant|inmate|teenager|student|resident|pastor|bishop|cardinal|pope|king|queen|' +
  'prince|princess|general|colonel|commander|sergeant|lieutenant|diplomat|envoy|negotiator|official|investigator|researcher|scientist|' +
  'economist|filmmaker|novelist|musician|guitarist|drummer|dancer|chef|doctor|surgeon|nurse|priest|imam|rabbi|counsel|adviser|advisor|' +
  'aide|vice-president|vice-chairman|premier-elect|president-elect|contestant|nominee|hopeful|owner|boss|chairperson|heiress|heir';

/** Last words of organization names. */
export const ORG_HEADS =
  // first words of organization names in other languages ("Instituto Gonzaga", "Banco Santander")
  'Instituto|Istituto|Institut|Universidad|Universidade|Università|Universität|Université|Banco|Banca|Banque|Grupo|Gruppo|Partido|Parti|' +
  'Partito|Partei|Colegio|Liceo|Lycée|Ecole|École|Escuela|Hochschule|Stiftung|Fundación|Fundação|Fondazione|Compagnie|Compañía|Société|' +
  'Sociedad|Associazione|Asociación|Movimiento|Frente|Ejército|Armée|Policía|Polizei|' +
  'Org|Electronics|Telecom|Athletics|Aces|Sox|University|College|Institute|Institution|Academy|School|Schools|Ministry|Department|Dept|Party|Council|Committee|Commission|Agency|' +
  'Bank|Association|Assn|Corporation|Corp|Inc|Incorporated|Ltd|Limited|LLC|LLP|PLC|Plc|GmbH|AG|SA|Co|Company|Companies|Group|' +
  'Foundation|Fund|Trust|Church|Union|Federation|League|Society|Organization|Organisation|Authority|Court|Police|Army|Navy|' +
  'Force|Forces|Guard|Corps|Office|Bureau|Service|Services|News|Times|Post|Journal|Herald|Tribune|Gazette|Magazine|Letter|Newsletter|Press|' +
  'Network|Networks|Airlines|Airways|Air|Motors|Motor|Industries|Holdings|Systems|Technologies|Technology|Labs|Laboratories|' +
  'Studios|Records|Pictures|Entertainment|Media|Broadcasting|Television|TV|Radio|Club|Team|Board|Assembly|Parliament|Congress|' +
  'Senate|Cabinet|Government|Administration|Secretariat|Coalition|Alliance|Movement|Front|Brigade|Brigades|Battalion|Regiment|' +
  'Squad|Division|Patrol|Command|Council|Chamber|Exchange|Partners|Associates|Consulting|Solutions|Software|Pharmaceuticals|Energy|' +
  'Petroleum|Oil|Gas|Electric|Telecom|Telecommunications|Communications|Insurance|Capital|Securities|Investments|Bancorp|' +
  'Stores|Foods|Brands|Group|Enterprises|Ventures|Daily|Weekly|Monthly|Review|Observer|Guardian|Telegraph|Independent|Chronicle|' +
  'Examiner|Inquirer|Reporter|Courier|Dispatch|Standard|Mirror|Express|Star|Sun|Globe|Register|Record|Bulletin|Monitor|Wire|' +
  'Republicans|Democrats|Conservatives|Liberals|Greens|Socialists|Tories|Labour|Reuters|Caucus|Tribunal|Legislature|Directorate|' +
  'Inspectorate|Prosecutors|Ombudsman|Orchestra|Choir|Band|Ensemble|Troupe|Collective|Cooperative|Co-op|Syndicate|Consortium|' +
  'Confederation|Congregation|Diocese|Archdiocese|Mission|Order|Project|Initiative|Program|Programme|Campaign|Lab|Laboratory|' +
  'Observatory|Council|Commissioners|Secretariat|Watch|International|Worldwide|Global|Mobile|Motors|Railways|Railway|Rail|Lines|' +
  'Shipping|Logistics|Bancshares|Realty|Properties|Hotels|Resorts|Casino|Casinos|Games|Interactive|Publishing|Publications|Books';

/** Last words of place names. */
export const PLACE_HEADS =
  'Rehab|Recovery|Unit|Strait|Straits|Sea|Ocean|River|Lake|Lakes|Bay|Gulf|Island|Islands|Isle|Isles|Mountain|Mountains|Mount|Mt|Valley|Desert|' +
  'Peninsula|Brook|Pond|Cove|Loch|Fjord|Moor|Dock|Docks|Gym|Rink|Playfield|Province|County|Prefecture|Region|Territory|Territories|State|City|Town|Township|Village|Borough|District|' +
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Square|Park|Bridge|Airport|Station|Port|Harbor|Harbour|' +
  'Beach|Coast|Canal|Falls|Hill|Hills|Heights|Center|Centre|Hall|Stadium|Arena|Palace|Tower|Towers|Temple|Mosque|Cathedral|' +
  'Church|Chapel|Memorial|Monument|Glacier|Forest|Reservoir|Dam|Plaza|Prison|Penitentiary|Jail|Hospital|Clinic|Zoo|Garden|Gardens|' +
  'Castle|Fort|Base|Camp|Field|Fields|Springs|Creek|Canyon|Cape|Point|Peak|Pass|Plain|Plains|Basin|Delta|Channel|Sound|Ridge|' +
  'Highway|Hwy|Freeway|Expressway|Motorway|Route|Interstate|Tunnel|Pier|Wharf|Quay|Marina|Terminal|Courthouse|Building|Plaza|' +
  'Mall|Market|Theatre|Theater|Museum|Gallery|Library|Hotel|Resort|Estate|Ranch|Farm|Cemetery|Crossing|Junction|Corner|' +
  'Neighborhood|Neighbourhood|Quarter|Ward|Precinct|Parish|Oblast|Krai|Governorate|Emirate|Canton|Commune|Municipality|Atoll|' +
  'Archipelago|Reef|Lagoon|Volcano|Highlands|Lowlands|Steppe|Plateau|Woods|Wetlands|Shore|Shores|Coastline|Riviera|Promenade|Row|' +
  'Circle|Crescent|Terrace|Place|Court|Gate|Gardens|Campus|Residence|House|Manor|Lodge|Villa|Embassy|Consulate|Headquarters|HQ';

/** Place heads that come first: "Mount Everest", "Lake Tahoe", "Gulf of Aden". */
export const PLACE_PREFIXES =
  'Mount|Mt|Lake|Gulf|Sea|Bay|Strait|Straits|Isle|Cape|Port|Fort|Lake|River|Bay|Sea|Gulf|Saint|St|Santa|San|Los|Las|Rio|Costa|Puerto|Ciudad|Sierra|' +
  // the same words in the languages of place names
  'Rancho|Masjid|Piazza|Avenida|Calle|Praça|Palazzo|Castillo|Castello|Monte|Isla|Lago|Playa|Porto|Ponte|Sankt|Bandar|Wadi|Jebel|Jabal|Gunung|Pulau|Lac|Mont|Pointe|Île|Ile';

/** First words of organization names before "of": "University of Texas", "Bank of Korea". */
export const ORG_PREFIXES =
  'University|College|Institute|Academy|School|Ministry|Department|Dept|Party|Council|Committee|Commission|Agency|Bank|Association|' +
  'Federation|League|Society|Organization|Organisation|Union|Church|Court|Office|Bureau|Board|Assembly|House|Chamber|Fund|Foundation|' +
  'Government|Administration|Corporation|Order|Congress|Cabinet|Parliament|Senate|Army|Navy|Police|Friends|Daughters|Sons|Knights|' +
  'Embassy|Consulate|Museum|Gallery|Library|Center|Centre|Municipality|Bank|Congress|Confederation|Coalition|Alliance|Movement|Guild';

/** Place words that come first and take "of": "Sea of Japan", "Gulf of Aden", "Republic of Korea". */
export const PLACE_OF_PREFIXES =
  'Sea|Gulf|Bay|Strait|Straits|Isle|Cape|Lake|Republic|Kingdom|Principality|Duchy|Commonwealth|State|Province|City|Port|Mouth|Sultanate|Emirate|Islands|Island|Peninsula|Valley|Region';

/** Words whose presence at the end makes a capitalized sequence an event or document, not a place. */
export const EVENT_HEADS =
  'War|Wars|Olympics|Olympic|Games|Cup|Summit|Conference|Championship|Championships|Festival|Expo|Exposition|Agreement|Accord|Accords|' +
  'Treaty|Declaration|Act|Initiative|Doctrine|Policy|Plan|Protocol|Crisis|Revolution|Uprising|Campaign|Day|Week|Year|Era|Dynasty|' +
  'Tournament|Open|Series|Bowl|Classic|Marathon|Derby|Grand|Prix|Awards|Award|Prize|Medal|Forum|Talks|Dialogue|Massacre|Bombing|' +
  'Attack|Attacks|Riots|Spring|Movement|Rule|Law|Bill|Constitution|Charter|Convention|Pact|Deal|Framework|Strategy|Statement|Report|' +
  'Index|Effect|Syndrome|Disease|Virus|Flu|Storm|Hurricane|Typhoon|Cyclone|Earthquake|Quake|Flood|Floods|Fire|Wildfire|Eve|Show|' +
  'Challenge|League|Trophy|Race|Rally|Parade|March|Protest|Protests|Fair|Gala|Concert|Tour|Season|Election|Elections|Referendum|' +
  'Census|Budget|Visa|Card|Program|Programme|Project|Mission';

/** Closed-class words: at the start of a sentence, never part of a name. */
export const FUNCTION_WORDS =
  'the|a|an|this|that|these|those|there|here|then|than|thus|in|on|at|to|for|from|by|with|without|within|into|onto|of|off|out|over|' +
  'under|after|before|during|since|until|till|while|when|where|why|how|what|which|who|whom|whose|if|unless|although|though|because|' +
  'as|and|but|or|nor|so|yet|not|no|yes|all|any|some|each|every|both|either|neither|many|much|more|most|few|less|least|other|another|' +
  'such|only|also|even|just|still|already|again|ever|never|always|often|sometimes|perhaps|maybe|however|meanwhile|moreover|' +
  'furthermore|therefore|nevertheless|nonetheless|instead|otherwise|besides|indeed|i|we|you|he|she|it|they|me|us|him|her|them|my|' +
  'our|your|his|its|their|mine|ours|yours|hers|theirs|is|are|was|were|be|been|being|am|do|does|did|have|has|had|will|would|shall|' +
  'should|can|could|may|might|must|about|above|below|across|against|along|among|amid|around|behind|beside|between|beyond|despite|' +
  'down|up|near|through|throughout|toward|towards|upon|via|per|according|following|including|regarding|concerning|like|unlike|' +
  'now|today|yesterday|tomorrow|tonight|once|twice|first|second|third|last|next|former|late|early|dear|please|thanks|thank|' +
  'mr|mrs|ms|dr|oh|well|why|whether|whatever|whoever|wherever|whenever|let|say|says|said|asked|ask|see|read|watch|photo|image|' +
  'video|update|updated|published|posted|source|sources|editor|note|breaking|exclusive|opinion|analysis|comment|related|more';

/** Words that are never names on their own when capitalized (days, months, roles...). */
export const NEVER_NAMES =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|' +
  'November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|God|Lord|' +
  'Internet|Web|Christmas|Easter|Ramadan|Eid|Thanksgiving|Halloween|Hanukkah|Diwali|New|Year|Spring|Summer|Autumn|Fall|Winter|' +
  'AM|PM|A.M.|P.M.|GMT|UTC|EST|EDT|PST|PDT|CST|CDT|BST|CET|KST|JST|OK|TV|DVD|CD|PC|ID|IQ|DNA|HIV|AIDS|COVID|COVID-19|GDP|CEO|' +
  'CFO|COO|MP|MPs|PhD|MBA|BA|MA|BSc|MSc|LLB|No|Nos|Vol|Fig|Ch|Pp|Ltd|Inc|Corp|Co|Jr|Sr|St|Ave|Rd|Mt|Dept|Gov|Sen|Rep|Mr|Mrs|Ms|' +
  'Dr|Prof|Rev|Gen|Col|Lt|Sgt|Capt|I|II|III|IV|VI|VII|VIII|IX|A|UPDATE|UPDATED|PUBLISHED|BREAKING|EXCLUSIVE|PHOTO|VIDEO|' +
  'LIVE|NEWS|OPINION|ANALYSIS|EDITORIAL|COMMENT|REPORT|WATCH|READ|MORE|SEE|ALSO|NOTE|EDITOR|EDITORS|PM|AM|RIP|LOL|OMG|FAQ|USD|EUR|' +
  'GBP|JPY|KRW|CNY|RMB|Mrs.|Mr.|Ms.|Dr.|Celsius|Fahrenheit|Republican|Democrat|Democratic|Conservative|Liberal|Communist|Socialist|' +
  'Islamist|Islamic|Muslim|Muslims|Christian|Christians|Catholic|Catholics|Protestant|Jewish|Jew|Jews|Buddhist|Hindu|Sunni|Shiite|' +
  'Shia|Arab|Arabs|Arabic|English|Latin|Asian|Asians|African|Africans|European|Europeans|Western|Eastern|Northern|Southern|' +
  'Korean|Koreans|Kurdish|Kurds|Persian|Scottish|Welsh|Emirati|Hispanic|Latino|Latina|Caucasian|Pacific|Atlantic|Mediterranean|' +
  'Premier|President|Minister|Government|Parliament|Congress|Senate|Court|Police|Army|Navy|Ministry|Department|Party|University|' +
  'Council|Committee|Commission|Agency|Bank|Association|Cabinet|Administration|State|States|City|Province|County|Capital|Constitution|' +
  'Church|Union|Federation|Foreign|Defense|Defence|Finance|Interior|Trade|Justice|Health|Education|Labor|Energy|Security|Affairs|' +
  'Prime|Vice|Chairman|Secretary|Chief|Director|General|Commander|Chancellor|King|Queen|Prince|Princess|Pope|Mayor|Governor|' +
  'Ambassador|Senator|Judge|Sheriff|Officer|Detective|Coach|Captain|Speaker|Spokesman|Spokeswoman|Spokesperson|Presidents|' +
  'Ministers|Governments|Republicans|Democrats|Oscar|Oscars|Grammy|Emmy|Tony|Nobel|Bible|Koran|Quran|Gospel|Sabbath|Mass|Olympics|' +
  'World|Earth|Moon|Sun|Mars|Venus|Jupiter|Heaven|Hell|Paradise|Mother|Father|Dad|Mom|Mum|Grandma|Grandpa|Uncle|Aunt|Sir|Madam|' +
  'Ladies|Gentlemen|Ma|Pa|North|South|East|West|Northeast|Northwest|Southeast|Southwest|Central|Upper|Lower|Greater|Inner|Outer|' +
  'Mid|Middle|Far|Near|Old|New|Great|Little|Big|Royal|National|International|Federal|Regional|Provincial|Municipal|Local|Public|' +
  'Private|Global|Official|Officials|Twitter|Facebook';

/** Demonyms beyond the generated list, and other adjectives of origin or faith that are not places. */
export const EXTRA_DEMONYMS =
  'American|Americans|Korean|Koreans|North Korean|South Korean|Chinese|Japanese|Taiwanese|Vietnamese|Afghan|Afghans|Afghani|' +
  'Arab|Arabs|Arabian|Kurdish|Kurd|Kurds|Persian|European|Europeans|Asian|Asians|African|Africans|Latin|Latino|Latina|Hispanic|' +
  'Scottish|Scot|Scots|Welsh|English|Irish|British|Briton|Britons|Brit|Brits|Emirati|Emiratis|Saudi|Saudis|Israeli|Israelis|' +
  'Palestinian|Palestinians|Texan|Texans|Californian|Californians|Floridian|New Yorker|New Yorkers|Londoner|Londoners|Parisian|' +
  'Muscovite|Berliner|Hongkonger|Hong Konger|Aussie|Aussies|Kiwi|Kiwis|Canuck|Yankee|Yankees|Sino|Anglo|Franco|Russo|Indo|' +
  'Afro|Euro|Soviet|Soviets|Yugoslav|Czechoslovak|Ottoman|Byzantine|Roman|Romans|Greek|Greeks|Slavic|Slav|Balkan|Nordic|' +
  'Scandinavian|Baltic|Caribbean|Andean|Amazonian|Arctic|Antarctic|Himalayan|Alpine|Iberian|Celtic|Gaelic|Germanic|Teutonic|' +
  'Pashtun|Tajik|Uzbek|Hazara|Baloch|Punjabi|Sindhi|Bengali|Tamil|Sinhalese|Tibetan|Uyghur|Uighur|Han|Manchu|Mongol|Tatar|' +
  'Chechen|Dagestani|Circassian|Armenian|Azeri|Georgian|Ossetian|Abkhaz|Bosnian|Bosniak|Serb|Serbs|Croat|Croats|Albanian|Kosovar|' +
  'Macedonian|Bulgarian|Romanian|Moldovan|Hungarian|Magyar|Czech|Slovak|Polish|Pole|Poles|Lithuanian|Latvian|Estonian|Finn|' +
  'Finns|Swede|Swedes|Dane|Danes|Norwegian|Icelander|Dutch|Flemish|Walloon|Belgian|Belgians|Frenchman|Frenchmen|German|Germans|' +
  'Austrian|Swiss|Italian|Italians|Spaniard|Spaniards|Spanish|Catalan|Basque|Portuguese|Brazilian|Brazilians|Argentine|' +
  'Argentinian|Mexican|Mexicans|Cuban|Cubans|Haitian|Dominican|Puerto Rican|Colombian|Venezuelan|Peruvian|Chilean|Bolivian|' +
  'Ecuadorian|Uruguayan|Paraguayan|Canadian|Canadians|Australian|Australians|Indian|Indians|Pakistani|Pakistanis|Bangladeshi|' +
  'Nepali|Nepalese|Sri Lankan|Burmese|Thai|Lao|Laotian|Cambodian|Khmer|Malay|Malaysian|Indonesian|Filipino|Filipinos|Filipina|' +
  'Singaporean|Mongolian|Kazakh|Kyrgyz|Turkmen|Iranian|Iranians|Iraqi|Iraqis|Syrian|Syrians|Lebanese|Jordanian|Egyptian|' +
  'Egyptians|Libyan|Tunisian|Algerian|Moroccan|Sudanese|Ethiopian|Eritrean|Somali|Kenyan|Ugandan|Tanzanian|Rwandan|Congolese|' +
  'Nigerian|Nigerians|Ghanaian|Senegalese|Malian|South African|South Africans|Zimbabwean|Turkish|Turk|Turks|Russian|Russians|' +
  'Ukrainian|Ukrainians|Belarusian|Chinese-American|Korean-American|Japanese-American|African-American|African-Americans|' +
  'Mexican-American|Asian-American|Asian-Americans|Muslim|Muslims|Christian|Christians|Catholic|Catholics|Protestant|Protestants|' +
  'Jewish|Jew|Jews|Buddhist|Buddhists|Hindu|Hindus|Sikh|Sikhs|Sunni|Sunnis|Shiite|Shiites|Shia|Islamic|Islamist|Islamists|' +
  'Evangelical|Evangelicals|Orthodox|Mormon|Mormons|Baptist|Methodist|Lutheran|Anglican|Presbyterian|Amish|Quaker|Jihadist|' +
  'Jihadists|Salafist|Wahhabi|Zionist|Maoist|Marxist|Leninist|Stalinist|Communist|Communists|Socialist|Fascist|Nazi|Nazis|' +
  'Republican|Republicans|Democrat|Democrats|Democratic|Conservative|Conservatives|Liberal|Liberals|Labourite|Tory|Tories|Green|' +
  'Greens|Libertarian|Progressive|Progressives|Centrist|Nationalist|Nationalists|Loyalist|Loyalists|Unionist|Unionists|' +
  'Royalist|Separatist|Separatists|Kiwi|Aboriginal|Indigenous|Native|Natives|Inuit|Maori|Pacific Islander|Polynesian|Melanesian';

/** East Asian family names, written first ("Lee Jae-myung", "Xi Jinping", "Abe Shinzo"). */
export const EAST_ASIAN_SURNAMES =
  'Kim|Lee|Yi|Rhee|Park|Pak|Choi|Choe|Jung|Jeong|Chung|Kang|Cho|Jo|Yoon|Yun|Jang|Chang|Lim|Im|Han|Oh|Seo|Suh|Shin|Sin|Kwon|Hwang|' +
  'Ahn|An|Song|Yoo|Yu|Ryu|Hong|Jeon|Jun|Chun|Ko|Go|Moon|Mun|Yang|Son|Sohn|Bae|Baek|Paik|Heo|Hur|Nam|Sim|Shim|Noh|Roh|Ha|Kwak|' +
  'Sung|Seong|Cha|Joo|Ju|Woo|Min|Na|Ra|Jin|Ji|Um|Eom|Chae|Won|Bang|Pyo|Byun|Byeon|Yeo|Choo|Chu|Do|So|Seok|Suk|Ma|Gil|Wi|Pyun|' +
  'Tak|Ban|Ok|Yook|Yuk|Ki|Gi|Hyun|Hyeon|Pyeon|Maeng|Kye|Ryoo|Tae|Myung|Hahn|' +
  'Wang|Li|Zhang|Liu|Chen|Huang|Zhao|Wu|Zhou|Xu|Sun|Zhu|Hu|Guo|He|Gao|Lin|Luo|Zheng|Liang|Xie|Tang|Feng|Deng|Cao|Peng|Zeng|' +
  'Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Du|Ye|Cheng|Wei|Su|Lu|Ding|Ren|Shen|Yao|Cui|Zhong|Tan|Fan|Shi|Liao|Jia|Xia|Fu|Fang|Bai|' +
  'Zou|Meng|Xiong|Qin|Qiu|Yin|Xue|Yan|Duan|Lei|Hou|Long|Tao|Gu|Mao|Hao|Gong|Shao|Wan|Qian|Dai|Mo|Kong|Xiang|Xi|Wen|Bo|Hua|Zhu|' +
  'Chiang|Leung|Wong|Cheung|Chan|Lam|Ho|Ng|Tsang|Lau|Tse|Yip|Fung|Kwok|Mak|Yau|Tam|Au|Chow|Lai|Tsai|Lo|Siu|Yeung|Ip|Or|To|' +
  'Kwan|Hui|Shiu|Kwong|Tien|Tong|Poon|Choy|Koo|Kuo|Hsu|Hsieh|Tsao|Teng|Chou|Chao|Soong|Sung|Ma|Ko|Lai|Lien|Lu|Yeh|Cheng|' +
  'Abe|Kishida|Suga|Tanaka|Suzuki|Sato|Takahashi|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Sasaki|Yamaguchi|' +
  'Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Koizumi|Ishiba|Takaichi|Noda|Hatoyama|Aso|Fukuda|Kan|Okada|Ozawa|Nakasone|Hashimoto|' +
  'Mori|Ikeda|Yamashita|Ishikawa|Ogawa|Maeda|Okamoto|Fujita|Goto|Hasegawa|Murakami|Kondo|Ishii|Saito|Sakamoto|Endo|Aoki|' +
  'Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Ngo|Duong|Ly|Trinh|Dinh|Mai|Truong|Luong|Trieu';

/** Name prefixes joined with a hyphen that are part of a name ("Al-Maeena", "El-Hassan", "bin"). */
export const NAME_PARTICLES = 'al|el|ul|ud|bin|ibn|bint|abu|abd|van|von|der|den|de|del|della|di|da|dos|das|du|la|le|st|mac|mc|ben|ter|ten|zu|y|e';

/** Acronyms and short forms whose kind is known. */
export const KNOWN_ORGS =
  'UN|U.N.|UNESCO|UNICEF|UNHCR|UNDP|WHO|WTO|IMF|NATO|EU|E.U.|ASEAN|APEC|OPEC|OECD|G7|G8|G20|BRICS|AU|OAS|SCO|IAEA|ICC|ICJ|' +
  'Interpol|Europol|FIFA|UEFA|IOC|NBA|NFL|MLB|NHL|NCAA|MLS|WBO|WBA|WBC|IBF|IBO|ATP|WTA|PGA|FBI|CIA|NSA|DEA|ATF|DHS|ICE|TSA|' +
  'FEMA|EPA|FDA|CDC|NIH|NASA|SEC|FTC|FCC|IRS|NTSB|FAA|USDA|DOJ|DOD|Pentagon|Kremlin|Politburo|Congress|Senate|Parliament|BBC|' +
  'CNN|CBS|NBC|ABC|Fox|MSNBC|NPR|PBS|AP|AFP|Reuters|Bloomberg|Yonhap|Xinhua|KCNA|TASS|Kyodo|NHK|KBS|MBC|SBS|CCTV|Al Jazeera|' +
  'Google|Microsoft|Apple|Amazon|Facebook|Meta|Twitter|Instagram|YouTube|TikTok|WhatsApp|Netflix|Tesla|Samsung|Hyundai|LG|SK|' +
  'Sony|Toyota|Honda|Nissan|Huawei|Alibaba|Tencent|Baidu|ByteDance|Intel|IBM|Oracle|Cisco|Nvidia|Qualcomm|Uber|Airbnb|Yahoo|' +
  'Boeing|Airbus|Walmart|Disney|Pfizer|Moderna|BioNTech|AstraZeneca|Volkswagen|BMW|Mercedes|Siemens|Shell|BP|Exxon|ExxonMobil|' +
  'Chevron|Gazprom|Rosneft|Aramco|HSBC|Barclays|Citigroup|Citi|JPMorgan|Goldman Sachs|Morgan Stanley|Wells Fargo|Visa|Mastercard|' +
  "PayPal|eBay|Starbucks|McDonald's|Coca-Cola|Pepsi|PepsiCo|Nike|Adidas|Wikipedia|Wikinews|Wikimedia|Greenpeace|Amnesty|" +
  'Amnesty International|Human Rights Watch|Red Cross|Red Crescent|Hamas|Hezbollah|Taliban|Al-Qaeda|Al Qaeda|al-Qaeda|ISIS|ISIL|' +
  'Islamic State|Boko Haram|IRA|PLO|Fatah|Mossad|KGB|FSB|GRU|MI5|MI6|Scotland Yard|Interpol|Labour|Tories|Likud|Kuomintang|KMT|' +
  'DPP|LDP|CCP|ANC|SNP|AfD|SPD|CDU|CSU|PSOE|Sinn Fein|Fianna Fail|Fine Gael|Hanwha|Posco|Lotte|Kia|Daewoo|Doosan|Naver|Kakao|' +
  'Lenovo|Xiaomi|ZTE|TSMC|Foxconn|SoftBank|Panasonic|Toshiba|Hitachi|Mitsubishi|Nintendo|Twitter|X|SpaceX|OpenAI|Anthropic|' +
  'Lionsgate|Paramount|Warner Bros|Universal|Columbia|MGM|DreamWorks|Pixar|Marvel|HBO|Hulu|Spotify|Reddit|LinkedIn|Snapchat|' +
  'Telegram|Weibo|WeChat|Ikea|IKEA|Nestle|Nestlé|Unilever|Vodafone|Orange|Telefonica|Deutsche Bank|UBS|Credit Suisse|Rabobank|' +
  "ING|AXA|Allianz|Generali|Lloyd's|Reuters|Politico|Axios|Vox|Vice|Slate|Salon|Time|Newsweek|Forbes|Fortune|Economist|" +
  'TMZ|Variety|Billboard|Vogue|Wired|Gizmodo|Engadget|TechCrunch|Mashable|BuzzFeed|HuffPost|Breitbart|Interfax|RIA Novosti|' +
  'Sputnik|Anadolu|IRNA|Fars|Tasnim|WAM|SPA|MENA|Bernama|Antara|PTI|IANS|ANI|Dawn|Haaretz|YNet|Maariv|Arirang|Chosun|JoongAng|' +
  'Hankyoreh|Dong-a|Asahi|Yomiuri|Mainichi|Nikkei|Sankei|Kyodo|Jiji|Caixin|Sina|Sohu|Xinhua|Reuters|Yonhap|NYPD|LAPD|FDNY|' +
  "Met|Scotland Yard|Gestapo|Stasi|Vatican|Holy See|Quai d'Orsay|Whitehall|Downing Street|Foggy Bottom|Bundestag|Bundesrat|Knesset|" +
  'Duma|Majlis|Diet|Storting|Riksdag|Folketing|Sejm|Rada|Verkhovna Rada|Dail|Oireachtas|Althing|Cortes|Assemblée|Eduskunta';

/** Well-known places beyond the country and city lists: continents, regions, US states, provinces. */
export const KNOWN_PLACES =
  'Geneva|Soviet Union|Asia-Pacific|Indo-Pacific|Asia Pacific|Syria|Laos|Brunei|Vatican|Vatican City|Swaziland|Macedonia|Korea|Palestine|Burma|East Timor|Timor-Leste|Congo|DRC|' +
  'Ivory Coast|Bosnia|Herzegovina|Micronesia|Tanzania|Iran|Russia|Moldova|Venezuela|Bolivia|Vietnam|Taiwan|Kosovo|Abkhazia|' +
  'South Ossetia|Transnistria|Somaliland|Northern Cyprus|Greenland|Faroe Islands|Hong Kong SAR|Macau SAR|Gibraltar|' +
  'Africa|Antarctica|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Australasia|Eurasia|Arctic|' +
  'Antarctic|Middle East|Near East|Far East|Balkans|Caucasus|Caribbean|Mediterranean|Scandinavia|Siberia|Sahara|Sahel|Maghreb|' +
  'Levant|Gulf|Persian Gulf|Arabian Peninsula|Horn of Africa|Southeast Asia|South East Asia|South Asia|East Asia|Central Asia|' +
  'West Africa|East Africa|North Africa|Southern Africa|Sub-Saharan Africa|Western Europe|Eastern Europe|Central Europe|' +
  'Northern Europe|Southern Europe|Pacific|Atlantic|Indian Ocean|Pacific Ocean|Atlantic Ocean|Arctic Ocean|Korean Peninsula|' +
  'Himalayas|Alps|Andes|Rockies|Amazon|Nile|Yangtze|Mekong|Danube|Rhine|Thames|Mississippi|Ganges|Euphrates|Tigris|Jordan River|' +
  'Red Sea|Black Sea|Dead Sea|Caspian Sea|South China Sea|East China Sea|Yellow Sea|Sea of Japan|East Sea|Baltic Sea|North Sea|' +
  'Taiwan Strait|Strait of Hormuz|English Channel|Panama Canal|Suez Canal|Gaza|Gaza Strip|West Bank|Golan Heights|Crimea|Donbas|' +
  'Kashmir|Tibet|Xinjiang|Hong Kong|Macau|Macao|Kurdistan|Chechnya|Darfur|Punjab|Bengal|Bavaria|Catalonia|Flanders|Wallonia|' +
  'Lombardy|Tuscany|Sicily|Sardinia|Corsica|Normandy|Brittany|Provence|Andalusia|Galicia|Scotland|England|Wales|Northern Ireland|' +
  'Britain|Great Britain|Ulster|Cornwall|Yorkshire|Lancashire|Cumbria|Surrey|Kent|Essex|Sussex|Devon|Somerset|Dorset|Norfolk|' +
  'Suffolk|Midlands|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|' +
  'Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|' +
  'Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|' +
  'South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|' +
  'Guam|District of Columbia|Washington D.C.|Washington DC|D.C.|Calif|Calif.|Fla|Fla.|Mass.|Ariz.|Ont|Ontario|Quebec|' +
  'British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Yukon|Nunavut|New South Wales|Queensland|' +
  'Victoria|Tasmania|Western Australia|South Australia|Northern Territory|Auckland|Gyeonggi|Gangwon|Jeju|Busan|Incheon|Daegu|' +
  'Gwangju|Daejeon|Ulsan|Sejong|Guangdong|Fujian|Zhejiang|Jiangsu|Shandong|Henan|Hebei|Hubei|Hunan|Sichuan|Yunnan|Guizhou|' +
  'Guangxi|Hainan|Shanxi|Shaanxi|Gansu|Qinghai|Ningxia|Inner Mongolia|Heilongjiang|Jilin|Liaoning|Anhui|Jiangxi|Chongqing|' +
  'Okinawa|Hokkaido|Kyushu|Honshu|Shikoku|Fukushima|Kanto|Kansai|Bihar|Kerala|Gujarat|Maharashtra|Rajasthan|Uttar Pradesh|' +
  'Tamil Nadu|Karnataka|Assam|Sindh|Balochistan|Khyber Pakhtunkhwa|Helmand|Kandahar|Herat|Kabul|Mosul|Basra|Aleppo|Idlib|Raqqa|' +
  'Homs|Benghazi|Tripoli|Sinai|Negev|Galilee|Judea|Samaria|Java|Sumatra|Borneo|Bali|Sulawesi|Mindanao|Luzon|Patagonia|' +
  'Silicon Valley|Wall Street|Capitol Hill|White House|Kremlin|Pentagon|Downing Street|Blue House|Yongsan|Zhongnanhai|' +
  'Tiananmen Square|Red Square|Times Square|Manhattan|Brooklyn|Queens|Bronx|Staten Island|Harlem|Hollywood|Beverly Hills|Malibu|' +
  'Pyongyang|Panmunjom|DMZ|Kaesong|Seoul|Beijing|Shanghai|Tokyo|Taipei|Moscow|Kyiv|Kiev|Washington|London|Paris|Berlin|Brussels';

/** Spelling variants of very common entities: each group names one entity, the first form is its name. */
export const ALIASES: readonly string[] = [
  'United States|US|U.S.|USA|U.S.A.|United States of America|America|the States',
  'United Kingdom|UK|U.K.|Britain|Great Britain',
  'United Nations|UN|U.N.',
  'European Union|EU|E.U.',
  'South Korea|Republic of Korea|ROK|Korea',
  "North Korea|DPRK|Democratic People's Republic of Korea",
  "China|People's Republic of China|PRC|Mainland China",
  'Taiwan|Republic of China|ROC',
  'Russia|Russian Federation',
  'United Arab Emirates|UAE|U.A.E.',
  'Soviet Union|USSR|U.S.S.R.',
  'Los Angeles|LA|L.A.',
  'New York City|NYC|New York',
  'Washington D.C.|Washington DC|Washington, D.C.|D.C.|DC',
  'Hong Kong|HK',
  'World Health Organization|WHO',
  'North Atlantic Treaty Organization|NATO',
  'International Monetary Fund|IMF',
  'World Trade Organization|WTO',
  'Federal Bureau of Investigation|FBI',
  'Central Intelligence Agency|CIA',
  'National Aeronautics and Space Administration|NASA',
  'Association of Southeast Asian Nations|ASEAN',
  'Asia-Pacific Economic Cooperation|APEC',
  'Chinese Communist Party|Communist Party of China|CCP|CPC',
  'Associated Press|AP',
  'Agence France-Presse|AFP',
  'British Broadcasting Corporation|BBC',
  'Korean Central News Agency|KCNA',
  'Yonhap|Yonhap News Agency',
  'Xinhua|Xinhua News Agency',
  'Myanmar|Burma',
  'Czech Republic|Czechia',
  "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire",
  'Netherlands|The Netherlands|Holland',
  'Turkey|Türkiye',
  'Kyiv|Kiev',
  'Beijing|Peking',
  'Mumbai|Bombay',
  'Microsoft|Microsoft Corp|Microsoft Corporation',
  'Google|Google Inc',
  'Apple|Apple Inc',
  'Amazon|Amazon.com',
  'National Football League|NFL',
  'National Basketball Association|NBA',
  'New York Police Department|NYPD',
  'Los Angeles Police Department|LAPD',
  'Department of Homeland Security|DHS|Homeland Security',
  'State Department|US State Department|U.S. State Department|Department of State',
];

/** Words that, before a capitalized word, make it a place: "in Seoul", "from Beijing". */
export const PLACE_CUES_BEFORE =
  'in|at|from|near|to|outside|inside|across|throughout|toward|towards|via|around|into|between|across|through|visit|visited|visiting|landed|arrived|born|based|capital|city|town|village|province|state|region|county|north|south|east|west|northern|southern|eastern|western|central|downtown|suburban';

/** Lowercase words after a capitalized word that make it an organization ("Microsoft shares"). */
export const ORG_CUES_AFTER =
  'spokesman|spokeswoman|spokesperson|officials|executives|shares|stock|headquarters|ceo|chairman|subsidiary|employees|staff|board|lawmakers|members|chief|president|founder|said|announced';

/** Generic acronyms and shouted words that name no organization. */
export const NOT_ORG_ACRONYMS =
  'DUI|DWI|GPS|SUV|ATM|PR|HR|IT|AI|VIP|VIPs|POTUS|FLOTUS|MVP|USB|PDF|URL|HTML|FAQ|LOL|OMG|RIP|AKA|ASAP|DIY|ETA|FYI|HQ|IVF|LGBT|' +
  'LGBTQ|MRI|CT|ER|ICU|PTSD|ADHD|OCD|STD|SARS|MERS|GDP|GNP|CPI|VAT|IPO|ETF|NFT|EV|EVs|UFO|WMD|IED|IEDs|RPG|NGO|NGOs|UAV|UAVs|MIA|' +
  'POW|POWs|AWOL|KIA|DOA|BC|AD|BCE|CE|MD|RN|JD|QB|RB|WR|TE|LB|DB|CB|OT|ERA|RBI|RBIs|TD|TDs|KO|TKO|OK|TV|PC|CD|DVD|DJ|MC|VP|SVP|' +
  'EVP|CEO|CFO|COO|CTO|CIO|GM|PM|AM|MP|MPs|MEP|MEPs|PhD|MBA|BA|MA|BS|BSc|MSc|GCSE|SAT|ACT|GPA|ID|IDs|IQ|DNA|RNA|HIV|AIDS|TB|' +
  'COVID|CO2|UV|AC|DC|HD|4K|3D|VR|AR|PS|NB|PPS|RSVP|ASAP|TBA|TBD|NA|N/A|USD|EUR|GBP|JPY|KRW|CNY|RMB|UTC|GMT|EST|EDT|PST|PDT|' +
  'CST|CDT|BST|CET|KST|JST|ET|PT|CT|SMS|MMS|APP|APPS|WIFI|LED|LCD|CPU|GPU|RAM|ROM|OS|IOS|API|SDK|SUVs|ATMs|LP|EP|CEOs|MVPs';
