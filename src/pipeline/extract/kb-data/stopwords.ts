// Words that are capitalised in news text without being names: function words, calendar words,
// headline fillers, job titles and the generic vocabulary of security reporting.
export const FUNCTION_WORDS = `
a about above after again against all also although am among an and another any are around as at
be because been before being below between both but by can cannot could did do does doing down
during each either even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like may me
might mine more most much must my neither no nor not now of off on once only or other others
otherwise our ours out over own per perhaps rather same she should since so some such than that
the their theirs them then there therefore these they this those though through thus to too
toward towards under unless unlike until up upon us very via was we were what whatever when
whenever where whereas wherever whether which while who whoever whom whose why will with within
without would yet you your yours
according additionally afterwards already meanwhile moreover furthermore nevertheless nonetheless
instead indeed overall regardless similarly specifically still today yesterday tomorrow tonight
recently earlier later currently previously finally first second third last next new latest
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
spring summer autumn winter christmas easter
mr mrs ms dr prof sir president ceo cto ciso cfo coo vp director chairman minister secretary senator
governor mayor judge officer chief head founder researcher researchers analyst analysts expert
experts spokesperson spokesman spokeswoman professor agent agents deputy commissioner
breaking exclusive update updated report reports analysis opinion interview podcast webinar video
watch read learn click here more related source sources photo image credit getty
`

/** The generic vocabulary of security reporting: part of names at times ("Orca Security"). */
export const GENERIC_TERMS = `
cve cves cvss cwe kev ioc iocs ttps api apis sdk url urls ip dns http https tls ssl vpn vpns ssh
rdp smb sql xss csrf rce lpe dos ddos apt apts mfa 2fa otp sso iam pii phi gdpr hipaa pci ai llm llms ml
it ot ics scada iot cpu gpu os pc pcs saas paas iaas edr xdr siem soc soar dlp waf cdn isp isps
tv usb nfc gps sms faq pdf zip exe dll html json xml js php saas raas maas sim scada plc hmi
pos atm nas vm vms ssd cve-id poc pocs apk ipa url vpn
password passwords credential credentials login logins info website websites internet desktop
laptop smartphone smartphones bot bots chatbot deepfake zero-click one-click cryptocurrency
crypto-jacking cryptojacking repository repositories wifi wi-fi iot cctv ftp ldap oem dhcp
snmp gsm c&c c2 nas lan wan 0day 0-day ui ux gui cli oauth saml sast dast id ids proxy proxies software hardware firmware platform platforms
open-source freeware shareware
ransomware malware spyware adware stealer infostealer loader trojan backdoor botnet rootkit wiper
worm exploit exploits vulnerability vulnerabilities flaw flaws bug bugs patch patches zero-day
attack attacks attacker attackers hacker hackers hacking hacked breach breaches breached leak
leaks leaked phishing scam scams fraud cybersecurity cyber cyberattack cyberattacks cybercrime
cybercriminals threat threats actor actors group groups gang gangs operators affiliates campaign
campaigns incident incidents data security privacy customers users employees officials government
police authorities law enforcement investigators victims company companies firm firms
`
