// Words near a repeated unknown proper name that say what it names (proper-names.ts). Written
// for sitrep; the lists favour words that rarely sit next to people's names.
import type { EntityType } from '../../../core/types.js'

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean))

export const NAME_CUES: readonly [EntityType, ReadonlySet<string>][] = [
  [
    'organization',
    set(`company companies firm firms corporation inc corp ltd llc group vendor giant startup maker
    retailer chain bank hospital university college agency ministry department authority council
    customers employees staff subscribers patients members clients stores branches headquarters
    spokesperson spokesman spokeswoman ceo statement announced confirmed disclosed notified
    investigating acquired subsidiary owned breach breached hacked affected victim website`),
  ],
  [
    'software',
    set(`app apps application applications software platform service browser plugin extension
    library package framework tool client server servers firmware device devices system systems
    os version versions update updates release installed install installs download downloads
    users user running runs vulnerable flaw flaws vulnerability vulnerabilities bug bugs patch
    patched exploit component components module code api database router routers driver`),
  ],
  [
    'malware',
    set(`malware ransomware trojan backdoor botnet stealer infostealer loader worm wiper spyware
    variant variants strain payload infections infected encrypts encrypted`),
  ],
  [
    'threat_actor',
    set(`hackers hacker gang crew actors actor attackers apt collective hacktivists claimed
    responsibility`),
  ],
]
