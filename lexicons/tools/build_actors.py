#!/usr/bin/env python3
"""Build the default actor lexicon ``lexicons/actors.tsv``.

Rebuild, from the repository root (Python 3.11, standard library only):

    python3 lexicons/tools/build_actors.py /work/shared/data/lexicons/petrarch2 > lexicons/actors.tsv

Add ``--review`` to also print, for every country, each PETRARCH alias that was kept
or dropped and why (on stderr), which is the way to check a change to the cleaning rules.

Inputs
------
* ``<dir>/Phoenix.Countries.actors.txt`` from PETRARCH2 (MIT, (c) 2014 Open Event Data
  Alliance; TABARI actor-dictionary format, see ``<dir>/dictionaries_format.rst``):
  country records (``JAPAN_ [JPN]`` + ``+ALIAS_`` lines) and people with dated roles
  (``[JPNGOV 060926-070926]``).
* ``capitals.tsv`` next to this script: the hand-made table of governments (code, actor,
  capital names, English country names, demonyms).
* The hand-made tables below: international bodies, state bodies, office holders,
  aliases left out as ambiguous.
* ``lexicons/abbreviations.txt`` (read only): the words the engine's tokenizer keeps with
  their final period, so that aliases can be written in the engine's token form.

What is taken from PETRARCH
---------------------------
* Country names: the aliases of the record whose *current* code (open-ended date
  restriction or default code) is the country's code, cleaned: an alias is kept only if
  it is one of the country's English names/demonyms from capitals.tsv or a close spelling
  variant of one (difflib ratio >= MATCH_RATIO once words like "republic of" are set
  aside). Cities, provinces and regions (OSAKA, HOKKAIDO, KANDAHAR ...), foreign-language
  names and nicknames are dropped.
* People: records with at least one dated restriction and a CAMEO government role
  (``XXXGOV`` and its sub-roles, not GOVLEG/GOVPTY) that ends after 2010 or is
  open-ended; names of two or more words, without titles ("PRESIDENT_...", "MR_...");
  left out when the person's government roles span two actors, when the name is shared
  by two people of different governments, or when it is a two-word name made only of
  very common given names/surnames. Korean/Taiwanese names also get the hyphenated form
  news uses ("lee myung-bak"), Arabic ones the joined article ("nuri al-maliki"). Hong
  Kong SAR officials, whom PETRARCH codes as CHN, are moved to Hong Kong; Macau SAR
  officials are left out.

Every alias is finally rewritten in the engine's token form (src/text/token.rs, ported
in ``engine_tokens``): "people's republic" becomes "people 's republic"; aliases the
engine could not match as written are dropped. A hand-made entry wins over PETRARCH's
for the same alias; an alias two actors claim at the same level is dropped.

Output: see the header written by ``header()`` below. Counts go to stderr.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent
CAPITALS_TSV = TOOLS_DIR / "capitals.tsv"
PETRARCH_FILE = "Phoenix.Countries.actors.txt"

KINDS = ("country", "capital", "demonym", "body", "person")

# PETRARCH codes that are not the ISO 3166-1 alpha-3 code used in capitals.tsv.
PETRARCH_CODE_MAP = {"TMP": "TLS", "KSV": "XKX"}

# A PETRARCH alias counts as a spelling variant of a name when difflib's ratio on the
# letters reaches this value.
MATCH_RATIO = 0.84

# Role dates: six-digit YYMMDD years up to this value are 20YY, above it 19YY.
YY_PIVOT = 30
# People whose government role ended on or before this date are not taken.
PERSON_CUTOFF = 20101231
OPEN_END = 99991231

# ---------------------------------------------------------------------------------------
# Hand-made data
# ---------------------------------------------------------------------------------------

# International bodies: actor -> [(alias, kind)]. Kind "body" for the organisation's
# names (as the brief asks); the actor is the body's short name.
IGOS: dict[str, list[str]] = {
    "UN": [
        "united nations", "un", "u.n.", "un security council", "u.n. security council",
        "united nations security council", "unsc", "un general assembly",
        "u.n. general assembly", "united nations general assembly", "un secretariat",
        "unhcr", "unicef", "world food programme", "ocha", "ohchr",
        "un human rights office", "unrwa", "unesco", "undp", "unfpa", "unaids", "wfp",
        "un human rights council", "united nations human rights council", "united nations children's fund",
        "un refugee agency", "food and agriculture organization", "unep",
    ],
    "NATO": ["nato", "north atlantic treaty organization", "north atlantic treaty organisation",
             "north atlantic alliance"],
    "WTO": ["wto", "world trade organization", "world trade organisation"],
    "G7": ["g7", "g-7", "group of seven"],
    "AU": ["african union", "african union commission"],
    "IAEA": ["iaea", "international atomic energy agency"],
    "WHO": ["world health organization", "world health organisation"],
    "Brussels": [
        "european union", "eu", "e.u.", "european commission", "european council",
        "council of the european union", "council of the eu", "european parliament",
        "european external action service", "eeas",
    ],
}

# State bodies and seats of government that news uses as speakers: (alias, actor).
BODIES: list[tuple[str, str]] = [
    ("white house", "Washington"), ("state department", "Washington"),
    ("department of state", "Washington"), ("pentagon", "Washington"),
    ("department of defense", "Washington"), ("defense department", "Washington"),
    ("oval office", "Washington"), ("ustr", "Washington"),
    ("centers for disease control and prevention", "Washington"),
    ("centers for disease control", "Washington"),
    ("justice department", "Washington"), ("department of justice", "Washington"),
    ("fbi", "Washington"), ("federal bureau of investigation", "Washington"),
    ("department of homeland security", "Washington"),
    ("general services administration", "Washington"),
    ("national institutes of health", "Washington"),
    # Federal agencies that speak in news (their spokespeople, their reports).
    ("ntsb", "Washington"), ("national transportation safety board", "Washington"),
    ("faa", "Washington"), ("federal aviation administration", "Washington"),
    ("fema", "Washington"), ("federal emergency management agency", "Washington"),
    ("fda", "Washington"), ("food and drug administration", "Washington"),
    ("epa", "Washington"), ("environmental protection agency", "Washington"),
    ("cia", "Washington"), ("central intelligence agency", "Washington"),
    ("nasa", "Washington"), ("irs", "Washington"), ("internal revenue service", "Washington"),
    ("treasury department", "Washington"), ("department of the treasury", "Washington"),
    ("commerce department", "Washington"), ("department of commerce", "Washington"),
    ("national hurricane center", "Washington"),
    ("blue house", "Seoul"), ("cheong wa dae", "Seoul"),
    ("kantei", "Tokyo"), ("gaimusho", "Tokyo"),
    ("zhongnanhai", "Beijing"), ("chinese communist party", "Beijing"),
    ("communist party of china", "Beijing"), ("ccp", "Beijing"),
    ("kcna", "Pyongyang"), ("korean central news agency", "Pyongyang"),
    ("kremlin", "Moscow"),
    ("federal security service", "Moscow"), ("fsb", "Moscow"),
    ("downing street", "London"), ("whitehall", "London"),
    ("national crime agency", "London"),
    ("foreign and commonwealth office", "London"), ("fco", "London"),
    ("foreign commonwealth and development office", "London"), ("fcdo", "London"),
    ("élysée", "Paris"), ("élysée palace", "Paris"), ("quai d'orsay", "Paris"),
    ("matignon", "Paris"),
    ("bundesregierung", "Berlin"), ("bundeskanzleramt", "Berlin"),
    ("palazzo chigi", "Rome"), ("farnesina", "Rome"),
    ("malacañang", "Manila"), ("malacañang palace", "Manila"),
    ("palestinian authority", "Ramallah"), ("palestinian national authority", "Ramallah"),
]

# Office holders 2017-2026 (and a few earlier heads still in the news): (actor, note,
# aliases). Full names only; hyphenated names also get a spaced twin ("moon jae in") and
# accented names an ASCII twin automatically.
PERSONS: list[tuple[str, str, str]] = [
    # United States
    ("Washington", "President 2017-2021, 2025- (all terms)", "donald trump|donald j. trump"),
    ("Washington", "President 2021-2025; Vice President 2009-2017; Senator 1973-2009 (all terms)", "joe biden|joseph biden|joseph r. biden"),
    ("Washington", "Vice President 2017-2021; Representative 2001-2013 (all terms)", "mike pence"),
    ("Washington", "President 2009-2017; Senator 2005-2008 (all terms)", "barack obama|barack h. obama"),
    ("Washington", "Secretary of State 2009-2013; Senator 2001-2009 (all terms)", "hillary clinton|hillary rodham clinton"),
    ("Washington", "Secretary of State 2013-2017; Senator 1985-2013; Special Envoy for Climate 2021-2024 (all terms)", "john kerry"),
    ("Washington", "Vice President 2021-2025; Senator 2017-2021 (all terms)", "kamala harris"),
    ("Washington", "Vice President 2025-", "jd vance|j.d. vance"),
    ("Washington", "Secretary of State 2017-2018 (all terms)", "rex tillerson"),
    ("Washington", "Secretary of State 2018-2021; CIA Director 2017-2018; Representative 2011-2017 (all terms)", "mike pompeo|michael pompeo"),
    ("Washington", "Secretary of State 2021-2025", "antony blinken|tony blinken"),
    ("Washington", "Secretary of State 2025-", "marco rubio"),
    ("Washington", "Defense Secretary 2017-2019", "jim mattis|james mattis"),
    ("Washington", "acting Defense Secretary 2019", "patrick shanahan"),
    ("Washington", "Defense Secretary 2019-2020", "mark esper"),
    ("Washington", "Defense Secretary 2021-2025", "lloyd austin"),
    ("Washington", "Defense Secretary 2025-", "pete hegseth"),
    ("Washington", "National Security Adviser 2017-2018", "h.r. mcmaster"),
    ("Washington", "National Security Adviser 2018-2019", "john bolton"),
    ("Washington", "National Security Adviser 2021-2025", "jake sullivan"),
    ("Washington", "National Security Adviser 2025", "mike waltz"),
    ("Washington", "UN Ambassador 2017-2018", "nikki haley"),
    ("Washington", "UN Ambassador 2021-2025", "linda thomas-greenfield"),
    ("Washington", "Treasury Secretary 2017-2021", "steven mnuchin|steve mnuchin"),
    ("Washington", "Treasury Secretary 2021-2025", "janet yellen"),
    ("Washington", "Treasury Secretary 2025-", "scott bessent"),
    ("Washington", "Commerce Secretary 2017-2021", "wilbur ross"),
    ("Washington", "Commerce Secretary 2021-2025", "gina raimondo"),
    ("Washington", "Commerce Secretary 2025-", "howard lutnick"),
    ("Washington", "Trade Representative 2017-2021", "robert lighthizer"),
    ("Washington", "Trade Representative 2021-2025", "katherine tai"),
    ("Washington", "Trade Representative 2025-", "jamieson greer"),
    ("Washington", "Special Representative for North Korea 2018-2021", "stephen biegun"),
    ("Washington", "Special Envoy 2025-", "steve witkoff"),
    ("Washington", "Director of National Intelligence 2021-2025", "avril haines"),
    ("Washington", "Director of National Intelligence 2025-", "tulsi gabbard"),
    ("Washington", "Attorney General 2017-2018", "jeff sessions"),
    ("Washington", "Attorney General 2019-2020", "william barr|bill barr"),
    ("Washington", "Attorney General 2021-2025", "merrick garland"),
    ("Washington", "Attorney General 2025-", "pam bondi"),
    ("Washington", "Homeland Security Secretary 2021-2025", "alejandro mayorkas"),
    ("Washington", "Homeland Security Secretary 2025-", "kristi noem"),
    ("Washington", "White House Press Secretary 2017", "sean spicer"),
    ("Washington", "White House Press Secretary 2017-2019", "sarah sanders|sarah huckabee sanders"),
    ("Washington", "White House Press Secretary 2020-2021", "kayleigh mcenany"),
    ("Washington", "White House Press Secretary 2021-2022", "jen psaki"),
    ("Washington", "White House Press Secretary 2022-2025", "karine jean-pierre"),
    ("Washington", "White House Press Secretary 2025-", "karoline leavitt"),
    ("Washington", "State Department spokesperson 2017-2019", "heather nauert"),
    ("Washington", "State Department spokesperson 2019-2021", "morgan ortagus"),
    ("Washington", "State Department spokesperson 2021-2023", "ned price"),
    ("Washington", "State Department spokesperson 2025-", "tammy bruce"),
    # Congressional leaders (legislators of the state speak for it, as the annotation
    # guide asks): Speakers, floor leaders and whips 2017-2026.
    ("Washington", "Speaker of the House 2015-2019", "paul ryan"),
    ("Washington", "Speaker of the House 2007-2011, 2019-2023", "nancy pelosi"),
    ("Washington", "Speaker of the House 2023", "kevin mccarthy"),
    ("Washington", "Speaker of the House 2023-", "mike johnson"),
    ("Washington", "House Majority Leader 2019-2023", "steny hoyer"),
    ("Washington", "House Majority Leader 2023-", "steve scalise"),
    ("Washington", "House Minority Leader 2023-", "hakeem jeffries"),
    ("Washington", "Senate Majority Leader 2015-2021, Minority Leader 2021-2025", "mitch mcconnell"),
    ("Washington", "Senate Minority Leader 2017-2021, 2025-; Majority Leader 2021-2025", "chuck schumer|charles schumer"),
    ("Washington", "Senate Minority Whip 2015-2021, Majority Whip 2021-2025", "dick durbin|richard durbin"),
    ("Washington", "Senate Majority Whip 2019-2021; Majority Leader 2025-", "john thune"),
    ("Washington", "House Intelligence Committee chair 2019-2023", "adam schiff"),
    # Japan
    ("Tokyo", "Prime Minister 2006-2007, 2012-2020", "shinzo abe|abe shinzo"),
    ("Tokyo", "Prime Minister 2020-2021; Chief Cabinet Secretary 2012-2020", "yoshihide suga|suga yoshihide"),
    ("Tokyo", "Prime Minister 2021-2024; Foreign Minister 2012-2017", "fumio kishida|kishida fumio"),
    ("Tokyo", "Prime Minister 2024-2025", "shigeru ishiba|ishiba shigeru"),
    ("Tokyo", "Prime Minister 2025-", "sanae takaichi|takaichi sanae"),
    ("Tokyo", "Foreign Minister 2017-2019; Defence Minister 2019-2020", "taro kono|kono taro"),
    ("Tokyo", "Foreign Minister 2019-2021, 2025-", "toshimitsu motegi"),
    ("Tokyo", "Foreign Minister 2021-2023; Chief Cabinet Secretary 2023-2025", "yoshimasa hayashi"),
    ("Tokyo", "Foreign Minister 2023-2024", "yoko kamikawa"),
    ("Tokyo", "Defence Minister 2018-2019; Foreign Minister 2024-2025", "takeshi iwaya"),
    ("Tokyo", "Defence Minister 2016-2017", "tomomi inada"),
    ("Tokyo", "Defence Minister 2017-2018", "itsunori onodera"),
    ("Tokyo", "Defence Minister 2020-2022", "nobuo kishi"),
    ("Tokyo", "Defence Minister 2022-2023", "yasukazu hamada"),
    ("Tokyo", "Defence Minister 2023-2024; Chief Cabinet Secretary 2025-", "minoru kihara"),
    ("Tokyo", "Defence Minister 2014-2016, 2024-2025", "gen nakatani"),
    ("Tokyo", "Defence Minister 2025-", "shinjiro koizumi"),
    ("Tokyo", "Chief Cabinet Secretary 2020-2021", "katsunobu kato"),
    ("Tokyo", "Chief Cabinet Secretary 2021-2023", "hirokazu matsuno"),
    # South Korea
    ("Seoul", "President 2017-2022", "moon jae-in"),
    ("Seoul", "President 2022-2025", "yoon suk-yeol|yoon suk yeol|yoon seok-youl"),
    ("Seoul", "President 2025-", "lee jae-myung"),
    ("Seoul", "Prime Minister 2017-2020", "lee nak-yon|lee nak-yeon"),
    ("Seoul", "Prime Minister 2020-2021", "chung sye-kyun"),
    ("Seoul", "Prime Minister 2021-2022", "kim boo-kyum"),
    ("Seoul", "Prime Minister 2022-2025; acting President 2024-2025", "han duck-soo"),
    ("Seoul", "Finance Minister 2023-2025; acting President 2024-2025", "choi sang-mok"),
    ("Seoul", "Foreign Minister 2017-2021", "kang kyung-wha"),
    ("Seoul", "National Security Adviser 2017-2020; Foreign Minister 2021-2022", "chung eui-yong"),
    ("Seoul", "Foreign Minister 2022-2024", "park jin"),
    ("Seoul", "Foreign Minister 2024-2025", "cho tae-yul"),
    ("Seoul", "Foreign Minister 2025-", "cho hyun"),
    ("Seoul", "Defence Minister 2017-2018", "song young-moo"),
    ("Seoul", "Defence Minister 2018-2020", "jeong kyeong-doo"),
    ("Seoul", "Defence Minister 2020-2022", "suh wook"),
    ("Seoul", "Defence Minister 2022-2023", "lee jong-sup"),
    ("Seoul", "Defence Minister 2023-2024; National Security Adviser 2024-2025", "shin won-sik"),
    ("Seoul", "Defence Minister 2024", "kim yong-hyun"),
    ("Seoul", "Defence Minister 2025-", "ahn gyu-back"),
    # North Korea
    ("Pyongyang", "Supreme Leader 2011-", "kim jong-un"),
    ("Pyongyang", "Workers' Party department director; sister of Kim Jong Un", "kim yo-jong"),
    ("Pyongyang", "Party Vice Chairman, chief negotiator 2018-2019", "kim yong-chol"),
    ("Pyongyang", "Foreign Minister 2016-2020", "ri yong-ho"),
    ("Pyongyang", "Foreign Minister 2020-2022", "ri son-gwon"),
    ("Pyongyang", "Foreign Minister 2022-", "choe son-hui"),
    ("Pyongyang", "Premier 2013-2019", "pak pong-ju"),
    ("Pyongyang", "Premier 2020-2024", "kim tok-hun"),
    ("Pyongyang", "SPA Standing Committee Chairman 2019-", "choe ryong-hae"),
    ("Pyongyang", "Defence Minister 2018-2021, 2024-", "no kwang-chol"),
    # China
    ("Beijing", "President 2013-; General Secretary 2012-", "xi jinping"),
    ("Beijing", "Premier 2013-2023", "li keqiang"),
    ("Beijing", "Premier 2023-", "li qiang"),
    ("Beijing", "Foreign Minister 2013-2022, 2023-", "wang yi"),
    ("Beijing", "Foreign Minister 2022-2023", "qin gang"),
    ("Beijing", "Director of the Central Foreign Affairs Office 2013-2022", "yang jiechi"),
    ("Beijing", "Defence Minister 2018-2023", "wei fenghe"),
    ("Beijing", "Defence Minister 2023", "li shangfu"),
    ("Beijing", "Defence Minister 2023-", "dong jun"),
    ("Beijing", "Vice Premier 2018-2023", "liu he"),
    ("Beijing", "Vice Premier 2023-", "he lifeng"),
    ("Beijing", "Vice President 2023-", "han zheng"),
    ("Beijing", "Foreign Ministry spokesperson 2012-2024", "hua chunying"),
    ("Beijing", "Foreign Ministry spokesperson 2016-2020", "geng shuang"),
    ("Beijing", "Foreign Ministry spokesperson 2020-2023", "zhao lijian"),
    ("Beijing", "Foreign Ministry spokesperson 2020-2024", "wang wenbin"),
    ("Beijing", "Foreign Ministry spokesperson 2022-", "mao ning"),
    ("Beijing", "Foreign Ministry spokesperson 2023-", "lin jian"),
    ("Beijing", "Foreign Ministry spokesperson 2024-", "guo jiakun"),
    # Russia
    ("Moscow", "President 2000-2008, 2012-; Prime Minister 2008-2012", "vladimir putin"),
    ("Moscow", "President 2008-2012; Prime Minister 2012-2020", "dmitry medvedev|dmitri medvedev"),
    ("Moscow", "Prime Minister 2020-", "mikhail mishustin"),
    ("Moscow", "Foreign Minister 2004-", "sergei lavrov|sergey lavrov"),
    ("Moscow", "Defence Minister 2012-2024; Security Council Secretary 2024-", "sergei shoigu|sergey shoigu"),
    ("Moscow", "Defence Minister 2024-", "andrei belousov|andrey belousov"),
    ("Moscow", "Kremlin spokesman 2012-", "dmitry peskov|dmitri peskov"),
    ("Moscow", "Foreign Ministry spokeswoman 2015-", "maria zakharova"),
    ("Moscow", "UN Ambassador 2017-", "vassily nebenzia|vasily nebenzia|vasily nebenzya"),
    ("Moscow", "Deputy Foreign Minister 2008-", "sergei ryabkov|sergey ryabkov"),
    ("Moscow", "presidential foreign-policy aide 2012-", "yuri ushakov"),
    ("Moscow", "Security Council Secretary 2008-2024", "nikolai patrushev"),
    ("Moscow", "presidential special envoy 2025-", "kirill dmitriev"),
    # Taiwan
    ("Taipei", "President 2016-2024", "tsai ing-wen"),
    ("Taipei", "President 2024-; Vice President 2020-2024", "lai ching-te|william lai"),
    ("Taipei", "Vice President 2024-", "hsiao bi-khim"),
    ("Taipei", "Premier 2019-2023", "su tseng-chang"),
    ("Taipei", "Premier 2023-2024", "chen chien-jen"),
    ("Taipei", "Premier 2024-", "cho jung-tai"),
    ("Taipei", "Foreign Minister 2018-2024", "joseph wu|jaushieh joseph wu"),
    ("Taipei", "Foreign Minister 2024-", "lin chia-lung"),
    ("Taipei", "Defence Minister 2019-2021", "yen teh-fa"),
    ("Taipei", "Defence Minister 2021-2024", "chiu kuo-cheng"),
    ("Taipei", "Defence Minister 2024-", "wellington koo"),
    # United Kingdom
    ("London", "Prime Minister 2010-2016; Foreign Secretary 2023-2024", "david cameron"),
    ("London", "Prime Minister 2016-2019", "theresa may"),
    ("London", "Prime Minister 2019-2022; Foreign Secretary 2016-2018", "boris johnson"),
    ("London", "Prime Minister 2022; Foreign Secretary 2021-2022", "liz truss"),
    ("London", "Prime Minister 2022-2024", "rishi sunak"),
    ("London", "Prime Minister 2024-", "keir starmer"),
    ("London", "Foreign Secretary 2010-2014", "william hague"),
    ("London", "Foreign Secretary 2018-2019; Chancellor 2022-2024", "jeremy hunt"),
    ("London", "Foreign Secretary 2019-2021", "dominic raab"),
    ("London", "Foreign Secretary 2022-2023", "james cleverly"),
    ("London", "Foreign Secretary 2024-2025; Deputy Prime Minister 2025-", "david lammy"),
    ("London", "Foreign Secretary 2025-", "yvette cooper"),
    ("London", "Defence Secretary 2014-2017", "michael fallon"),
    ("London", "Defence Secretary 2017-2019", "gavin williamson"),
    ("London", "Defence Secretary 2019", "penny mordaunt"),
    ("London", "Defence Secretary 2019-2023", "ben wallace"),
    ("London", "Defence Secretary 2023-2024", "grant shapps"),
    ("London", "Defence Secretary 2024-", "john healey"),
    ("London", "Chancellor of the Exchequer 2024-", "rachel reeves"),
    # France
    ("Paris", "President 2017-", "emmanuel macron"),
    ("Paris", "President 2012-2017", "françois hollande"),
    ("Paris", "Prime Minister 2017-2020", "édouard philippe"),
    ("Paris", "Prime Minister 2020-2022", "jean castex"),
    ("Paris", "Prime Minister 2022-2024", "élisabeth borne"),
    ("Paris", "Prime Minister 2024", "gabriel attal"),
    ("Paris", "Prime Minister 2024-2025", "françois bayrou"),
    ("Paris", "Prime Minister 2025-; Armed Forces Minister 2022-2025", "sébastien lecornu"),
    ("Paris", "Foreign Minister 2017-2022; Defence Minister 2012-2017", "jean-yves le drian"),
    ("Paris", "Foreign Minister 2022-2024", "catherine colonna"),
    ("Paris", "Foreign Minister 2024-", "jean-noël barrot"),
    ("Paris", "Armed Forces Minister 2017-2022", "florence parly"),
    ("Paris", "Economy and Finance Minister 2017-2024", "bruno le maire"),
    # Germany
    ("Berlin", "Chancellor 2005-2021", "angela merkel"),
    ("Berlin", "Chancellor 2021-2025; Finance Minister 2018-2021", "olaf scholz"),
    ("Berlin", "Chancellor 2025-", "friedrich merz"),
    ("Berlin", "President 2017-; Foreign Minister 2013-2017", "frank-walter steinmeier"),
    ("Berlin", "Foreign Minister 2017-2018", "sigmar gabriel"),
    ("Berlin", "Foreign Minister 2018-2021", "heiko maas"),
    ("Berlin", "Foreign Minister 2025-", "johann wadephul"),
    ("Berlin", "Defence Minister 2019-2021", "annegret kramp-karrenbauer"),
    ("Berlin", "Defence Minister 2021-2023", "christine lambrecht"),
    ("Berlin", "Defence Minister 2023-", "boris pistorius"),
    ("Berlin", "Finance Minister 2021-2024", "christian lindner"),
    # Italy
    ("Rome", "President 2015-", "sergio mattarella"),
    ("Rome", "Prime Minister 2018-2021", "giuseppe conte"),
    ("Rome", "Prime Minister 2022-", "giorgia meloni"),
    ("Rome", "Foreign Minister 2016-2018", "angelino alfano"),
    ("Rome", "Foreign Minister 2018-2019", "enzo moavero milanesi"),
    ("Rome", "Foreign Minister 2022-", "antonio tajani"),
    ("Rome", "Defence Minister 2014-2018", "roberta pinotti"),
    ("Rome", "Defence Minister 2018-2019", "elisabetta trenta"),
    ("Rome", "Defence Minister 2019-2022", "lorenzo guerini"),
    ("Rome", "Defence Minister 2022-", "guido crosetto"),
    # Canada
    ("Ottawa", "Prime Minister 2015-2025", "justin trudeau"),
    ("Ottawa", "Prime Minister 2025-", "mark carney"),
    ("Ottawa", "Foreign Minister 2017-2019; Deputy Prime Minister 2019-2024", "chrystia freeland"),
    ("Ottawa", "Foreign Minister 2019-2021", "françois-philippe champagne"),
    ("Ottawa", "Foreign Minister 2021", "marc garneau"),
    ("Ottawa", "Foreign Minister 2021-2025", "mélanie joly"),
    ("Ottawa", "Defence Minister 2021-2023; Foreign Minister 2025-", "anita anand"),
    ("Ottawa", "Defence Minister 2015-2021", "harjit sajjan"),
    ("Ottawa", "Defence Minister 2023-2025", "bill blair"),
    ("Ottawa", "Defence Minister 2025-", "david mcguinty"),
    # Australia
    ("Canberra", "Prime Minister 2015-2018", "malcolm turnbull"),
    ("Canberra", "Prime Minister 2018-2022", "scott morrison"),
    ("Canberra", "Prime Minister 2022-", "anthony albanese"),
    ("Canberra", "Foreign Minister 2013-2018", "julie bishop"),
    ("Canberra", "Defence Minister 2017-2018; Foreign Minister 2018-2022", "marise payne"),
    ("Canberra", "Foreign Minister 2022-", "penny wong"),
    ("Canberra", "Defence Minister 2018-2019", "christopher pyne"),
    ("Canberra", "Defence Minister 2019-2021", "linda reynolds"),
    ("Canberra", "Defence Minister 2021-2022", "peter dutton"),
    ("Canberra", "Defence Minister 2022-; Deputy Prime Minister 2022-", "richard marles"),
    # India
    ("New Delhi", "Prime Minister 2014-", "narendra modi"),
    ("New Delhi", "President 2017-2022", "ram nath kovind"),
    ("New Delhi", "President 2022-", "droupadi murmu"),
    ("New Delhi", "External Affairs Minister 2014-2019", "sushma swaraj"),
    ("New Delhi", "External Affairs Minister 2019-", "subrahmanyam jaishankar|s. jaishankar"),
    ("New Delhi", "Defence Minister 2017-2019; Finance Minister 2019-", "nirmala sitharaman"),
    ("New Delhi", "Defence Minister 2019-", "rajnath singh"),
    ("New Delhi", "National Security Adviser 2014-", "ajit doval"),
    # Iran
    ("Tehran", "Supreme Leader 1989-", "ali khamenei|ali hosseini khamenei"),
    ("Tehran", "President 2013-2021", "hassan rouhani"),
    ("Tehran", "President 2021-2024", "ebrahim raisi"),
    ("Tehran", "President 2024-", "masoud pezeshkian"),
    ("Tehran", "Foreign Minister 2013-2021", "mohammad javad zarif|javad zarif"),
    ("Tehran", "Foreign Minister 2021-2024", "hossein amir-abdollahian|hossein amirabdollahian"),
    ("Tehran", "Foreign Minister 2024-", "abbas araghchi|abbas araqchi"),
    ("Tehran", "Defence Minister 2017-2021", "amir hatami"),
    ("Tehran", "Defence Minister 2021-2024", "mohammad reza ashtiani"),
    ("Tehran", "Defence Minister 2024-2025", "aziz nasirzadeh"),
    ("Tehran", "Supreme National Security Council Secretary 2013-2023", "ali shamkhani"),
    ("Tehran", "Speaker 2008-2020; Supreme National Security Council Secretary 2025-", "ali larijani"),
    ("Tehran", "Foreign Ministry spokesman 2021-2024", "nasser kanaani"),
    ("Tehran", "Foreign Ministry spokesman 2024-", "esmaeil baghaei"),
    # Israel
    ("Jerusalem", "Prime Minister 1996-1999, 2009-2021, 2022-", "benjamin netanyahu"),
    ("Jerusalem", "Prime Minister 2021-2022", "naftali bennett"),
    ("Jerusalem", "Foreign Minister 2021-2022; Prime Minister 2022", "yair lapid"),
    ("Jerusalem", "President 2014-2021", "reuven rivlin"),
    ("Jerusalem", "President 2021-", "isaac herzog"),
    ("Jerusalem", "Foreign Minister 2019-2020, 2024; Defence Minister 2024-", "israel katz"),
    ("Jerusalem", "Foreign Minister 2020-2021", "gabi ashkenazi"),
    ("Jerusalem", "Foreign Minister 2024-", "gideon saar|gideon sa'ar"),
    ("Jerusalem", "Defence Minister 2016-2018", "avigdor lieberman|avigdor liberman"),
    ("Jerusalem", "Defence Minister 2020-2022", "benny gantz"),
    ("Jerusalem", "Defence Minister 2022-2024", "yoav gallant"),
    ("Jerusalem", "Strategic Affairs Minister 2022-2025", "ron dermer"),
    # Turkey
    ("Ankara", "President 2014-; Prime Minister 2003-2014", "recep tayyip erdoğan|tayyip erdoğan"),
    ("Ankara", "Prime Minister 2016-2018", "binali yıldırım"),
    ("Ankara", "Foreign Minister 2014-2023", "mevlüt çavuşoğlu"),
    ("Ankara", "intelligence chief 2010-2023; Foreign Minister 2023-", "hakan fidan"),
    ("Ankara", "Defence Minister 2018-2023", "hulusi akar"),
    ("Ankara", "Defence Minister 2023-", "yaşar güler"),
    ("Ankara", "presidential spokesman 2014-2023; intelligence chief 2023-", "ibrahim kalın"),
    # Saudi Arabia
    ("Riyadh", "King 2015-", "king salman|salman bin abdulaziz"),
    ("Riyadh", "Crown Prince 2017-; Prime Minister 2022-; Defence Minister 2015-2022",
     "mohammed bin salman|mohammad bin salman"),
    ("Riyadh", "Foreign Minister 2015-2018; Minister of State for Foreign Affairs 2018-", "adel al-jubeir|adel jubeir"),
    ("Riyadh", "Foreign Minister 2019-", "faisal bin farhan"),
    ("Riyadh", "Defence Minister 2022-", "khalid bin salman"),
    # Ukraine
    ("Kyiv", "President 2014-2019", "petro poroshenko"),
    ("Kyiv", "President 2019-", "volodymyr zelensky|volodymyr zelenskyy|volodymyr zelenskiy"),
    ("Kyiv", "Prime Minister 2020-2025; Defence Minister 2025-", "denys shmyhal"),
    ("Kyiv", "Prime Minister 2025-", "yulia svyrydenko"),
    ("Kyiv", "Foreign Minister 2014-2019", "pavlo klimkin"),
    ("Kyiv", "Foreign Minister 2019-2020", "vadym prystaiko"),
    ("Kyiv", "Foreign Minister 2020-2024", "dmytro kuleba"),
    ("Kyiv", "Foreign Minister 2024-", "andrii sybiha|andriy sybiha"),
    ("Kyiv", "Defence Minister 2021-2023", "oleksii reznikov|oleksiy reznikov"),
    ("Kyiv", "Defence Minister 2023-2025", "rustem umerov"),
    ("Kyiv", "Head of the Presidential Office 2020-2025", "andriy yermak|andrii yermak"),
    # Poland
    ("Warsaw", "President 2015-2025", "andrzej duda"),
    ("Warsaw", "President 2025-", "karol nawrocki"),
    ("Warsaw", "Prime Minister 2017-2023", "mateusz morawiecki"),
    ("Warsaw", "Prime Minister 2007-2014, 2023-; European Council President 2014-2019", "donald tusk"),
    ("Warsaw", "Foreign Minister 2007-2014, 2023-", "radosław sikorski"),
    ("Warsaw", "Foreign Minister 2015-2018", "witold waszczykowski"),
    ("Warsaw", "Foreign Minister 2018-2020", "jacek czaputowicz"),
    ("Warsaw", "Foreign Minister 2020-2023", "zbigniew rau"),
    ("Warsaw", "Defence Minister 2015-2018", "antoni macierewicz"),
    ("Warsaw", "Defence Minister 2018-2023", "mariusz błaszczak"),
    ("Warsaw", "Defence Minister 2023-", "władysław kosiniak-kamysz"),
    # Other governments often quoted
    ("Madrid", "Prime Minister 2018-", "pedro sánchez"),
    ("Madrid", "Foreign Minister 2021-", "josé manuel albares"),
    ("Madrid", "Defence Minister 2018-", "margarita robles"),
    ("Brasilia", "President 2019-2022", "jair bolsonaro"),
    ("Brasilia", "President 2003-2010, 2023-", "luiz inácio lula da silva|lula da silva"),
    ("Mexico City", "President 2018-2024", "andrés manuel lópez obrador"),
    ("Mexico City", "President 2024-", "claudia sheinbaum"),
    ("Mexico City", "Foreign Minister 2018-2023", "marcelo ebrard"),
    ("Buenos Aires", "President 2015-2019", "mauricio macri"),
    ("Buenos Aires", "President 2023-", "javier milei"),
    ("Pretoria", "President 2009-2018", "jacob zuma"),
    ("Pretoria", "President 2018-", "cyril ramaphosa"),
    ("Cairo", "President 2014-", "abdel fattah el-sisi|abdel fattah al-sisi"),
    ("Cairo", "Foreign Minister 2014-2024", "sameh shoukry"),
    ("Cairo", "Foreign Minister 2024-", "badr abdelatty"),
    ("Budapest", "Prime Minister 2010-", "viktor orbán"),
    ("Budapest", "Foreign Minister 2014-", "péter szijjártó"),
    ("Minsk", "President 1994-", "alexander lukashenko|aleksandr lukashenko|alyaksandr lukashenka"),
    ("Manila", "President 2016-2022", "rodrigo duterte"),
    ("Manila", "President 2022-", "ferdinand marcos jr.|ferdinand marcos jr|bongbong marcos"),
    ("Jakarta", "President 2014-2024", "joko widodo"),
    ("Jakarta", "Defence Minister 2019-2024; President 2024-", "prabowo subianto"),
    ("Jakarta", "Foreign Minister 2014-2024", "retno marsudi"),
    ("Islamabad", "Prime Minister 2022-2023, 2024-", "shehbaz sharif"),
    ("Islamabad", "Army chief 2022-", "asim munir"),
    ("Juba", "President 2011-", "salva kiir|salva kiir mayardit"),
    ("Damascus", "President 2000-2024", "bashar al-assad|bashar assad"),
    ("Damascus", "President 2025-", "ahmed al-sharaa"),
    ("Damascus", "Foreign Minister 2025-", "asaad al-shaibani"),
    ("Abu Dhabi", "President 2022-", "mohamed bin zayed|mohammed bin zayed"),
    ("Abu Dhabi", "Foreign Minister 2006-", "abdullah bin zayed"),
    ("Doha", "Emir 2013-", "tamim bin hamad al thani|tamim bin hamad"),
    ("Doha", "Prime Minister 2023-; Foreign Minister 2016-", "mohammed bin abdulrahman al thani"),
    ("Caracas", "President 2013-", "nicolás maduro"),
    ("Hong Kong", "Chief Executive 2017-2022", "carrie lam|carrie lam cheng yuet-ngor"),
    ("Hong Kong", "Chief Executive 2022-", "john lee ka-chiu"),
    ("Vatican", "Pope 2013-2025", "pope francis"),
    ("Vatican", "Pope 2025-", "pope leo xiv"),
    ("Vatican", "Secretary of State 2013-", "pietro parolin"),
    # EU institutions
    ("Brussels", "European Commission President 2019-; German Defence Minister 2013-2019", "ursula von der leyen"),
    ("Brussels", "European Commission President 2014-2019", "jean-claude juncker"),
    ("Brussels", "European Council President 2019-2024; Belgian Prime Minister 2014-2019", "charles michel"),
    ("Brussels", "EU foreign policy chief 2014-2019", "federica mogherini"),
    ("Brussels", "EU foreign policy chief 2019-2024", "josep borrell"),
    ("Brussels", "EU foreign policy chief 2024-; Estonian Prime Minister 2021-2024", "kaja kallas"),
    ("Brussels", "European Parliament President 2022-", "roberta metsola"),
    ("Brussels", "EU trade commissioner 2014-2019", "cecilia malmström"),
    ("Brussels", "EU trade commissioner 2019-2020", "phil hogan"),
    ("Brussels", "EU trade commissioner 2020-2024; Commission Vice-President 2019-", "valdis dombrovskis"),
    ("Brussels", "EU trade commissioner 2024-; Commission Vice-President 2010-2024", "maroš šefčovič"),
    # International bodies
    ("UN", "Secretary-General 2007-2016", "ban ki-moon"),
    ("UN", "Secretary-General 2017-", "antónio guterres"),
    ("UN", "spokesman for the Secretary-General 2014-", "stéphane dujarric"),
    ("UN", "High Commissioner for Human Rights 2022-", "volker türk"),
    ("NATO", "Secretary General 2014-2024", "jens stoltenberg"),
    ("NATO", "Secretary General 2024-; Dutch Prime Minister 2010-2024", "mark rutte"),
    ("IAEA", "Director General 2009-2019", "yukiya amano"),
    ("IAEA", "Director General 2019-", "rafael grossi|rafael mariano grossi"),
    ("WHO", "Director-General 2017-", "tedros adhanom ghebreyesus|tedros adhanom"),
    ("WTO", "Director-General 2013-2020", "roberto azevêdo"),
    ("WTO", "Director-General 2021-", "ngozi okonjo-iweala"),
    ("AU", "African Union Commission chairperson 2017-2025", "moussa faki mahamat|moussa faki"),
]

# People deliberately not listed (office in two governments/bodies, or ambiguous name);
# also removed if PETRARCH has them.
PERSONS_LEFT_OUT: dict[str, str] = {
    "michel barnier": "EU Brexit negotiator 2016-2021 and French Prime Minister 2024",
    "mario draghi": "ECB President 2011-2019 and Italian Prime Minister 2021-2022",
    "paolo gentiloni": "Italian Prime Minister 2016-2018 and EU Commissioner 2019-2024",
    "luigi di maio": "Italian Foreign Minister 2019-2022 and EU envoy 2023-",
    "annalena baerbock": "German Foreign Minister 2021-2025 and UN General Assembly President 2025-",
    "antonio costa": "Portuguese Prime Minister 2015-2024 and European Council President 2024-; common name",
    "antónio costa": "Portuguese Prime Minister 2015-2024 and European Council President 2024-; common name",
    "stéphane séjourné": "French Foreign Minister 2024 and EU Commissioner 2024-",
    "stephane sejourne": "French Foreign Minister 2024 and EU Commissioner 2024-",
    "mohamed elbaradei": "IAEA Director General 1997-2009 and Egyptian Vice President 2013",
    "zeid raad zeid al hussein": "Jordanian minister/ambassador and UN rights chief 2014-2018",
    "john lee": "common name (Hong Kong's John Lee Ka-chiu is listed in full)",
    "kim min-seok": "common name",
    "imran khan": "common name",
}

# Aliases left out because in English news text they mostly mean something else.
# (alias -> reason); written into the header of actors.tsv.
AMBIGUOUS: dict[str, str] = {
    "us": "pronoun ('u.s.', 'usa' are listed)",
    "chad": "first name, e.g. US officials named Chad ('chadian', 'republic of chad' listed)",
    "jordan": "person name (e.g. US Rep. Jim Jordan), river ('jordanian' listed)",
    "georgia": "US state ('georgian', 'tbilisi' listed)",
    "korea": "North or South",
    "korean": "North or South",
    "koreans": "North or South",
    "congo": "two countries ('dr congo', 'republic of the congo' listed)",
    "congolese": "two countries",
    "who": "pronoun ('world health organization' listed)",
    "au": "French 'au' ('african union' listed)",
    "hague": "William Hague ('the hague' listed)",
    "male": "English word; capital of the Maldives",
    "victoria": "first name, Australian state, lake; capital of Seychelles",
    "georgetown": "Georgetown University; capital of Guyana",
    "san jose": "San Jose, California; capital of Costa Rica",
    "nassau": "Nassau County, New York; capital of the Bahamas",
    "st. john's": "capital of Antigua and Barbuda; also Newfoundland",
    "st. george's": "capital of Grenada; also elsewhere",
    "pole": "common noun ('polish' listed)",
    "poles": "common noun",
    "persian": "Persian Gulf, language",
    "central african": "the region ('central african republic' listed)",
    "kiwi": "fruit, bird",
    "kiwis": "fruit, bird",
    "new guinea": "the island, shared by Indonesia and Papua New Guinea",
}
# PETRARCH aliases that pass the spelling-variant test but are not the country.
PETRARCH_DROP: dict[str, str] = {
    "chiloe": "island of Chile",
    "buganda": "kingdom within Uganda",
    "grenadines": "islands shared by Grenada and St Vincent",
    "mongolids": "racial term",
    "hmongolia": "garbled",
    "slovakland": "garbled",
    "americaland": "garbled",
    "americay": "garbled",
    "republic of dominica": "Dominica, listed under the Dominican Republic",
    "rep of ire": "garbled",
    "united states of mexicans": "garbled",
}

# Kept on purpose although they have other meanings (listed in the header).
KEPT_AMBIGUOUS = ["turkey", "washington", "china", "guinea", "niger", "mali", "oman",
                  "america", "panama", "tripoli", "santiago", "sofia"]

# Words that mark a title or a description rather than a name in PETRARCH person aliases.
TITLE_WORDS = set("""
president presient president-elect vice vice-president prime minister pm premier mr mr. mrs
mrs. ms ms. dr dr. sir lord lady dame senator sen. rep. representative secretary chancellor
kanzler bundeskanzler king queen prince princess sheikh shaikh emir ayatollah hojatolislam
former general gen. admiral adm. colonel col. marshal lieutenant lt. maj. brig.
cia c.i.a. director administration government regime spokesman spokeswoman ambassador
governor mayor speaker deputy chairman defense defence foreign foreign-minister bishop
reverend alhaji datuk crown assembly leader national security advisor adviser authority
""".split())

# Two-word PETRARCH names made only of these very common given names / surnames are
# left out (they name many people).
COMMON_NAMES = set("""
abdul abdel abdallah abdullah ahmad ahmed ali amir hassan hasan hussein husain husayn
ibrahim ismail jamal khalid mahmoud mohamed mohammed muhammad mohammad mustafa omar osman
rashid saad said salem salim salih saleh samir yusuf yousef khan shah singh kumar das
john james david michael robert william richard thomas charles joseph peter paul mark
george edward jean pierre jose juan carlos luis maria ana antonio manuel francisco pedro
jorge mario miguel rafael fernando alberto eduardo ricardo roberto ramon marcos oscar edgar
guillermo sergio victor andre joao daniel mamadou moussa abou ibrahima amadou
smith jones brown johnson williams taylor wilson martin garcia rodriguez martinez lopez
gonzalez hernandez perez sanchez ramirez torres flores rivera gomez diaz cruz morales
silva santos souza pereira costa oliveira ferreira alves lima castillo alvarez ruiz
mendez moreno jimenez romero suarez vargas castro ortiz nguyen tran le pham kim lee park
choi jung kang cho yoon jang lim han wang li zhang liu chen yang huang zhao wu zhou
camara diallo traore toure keita diop ndiaye sow ba cisse kone coulibaly ouedraogo
""".split())


# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                             "ß": "ss", "æ": "ae", "œ": "oe", "ŀ": "l"})


def fold(text: str) -> str:
    """ASCII-fold accented letters (é -> e, ł -> l); other characters unchanged."""
    text = text.translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize_alias(text: str) -> str:
    """Normalise a phrase: NFC, lowercase, straight apostrophes, underscores and runs of
    white space to single spaces. ``engine_form`` then splits it as the engine does."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("_", " ")
    return " ".join(text.lower().replace("i\u0307", "i").split())


ABBREVIATIONS_TXT = TOOLS_DIR.parent / "abbreviations.txt"


def load_abbreviations(path: Path) -> set[str]:
    """Words the engine's tokenizer keeps with their final period (lexicons/abbreviations.txt)."""
    if not path.exists():
        say(f"warning: {path} not found; only dotted groups and initials keep their period")
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.add(line.split()[0].lower())
    return words


ABBREVIATIONS: set[str] = set()


def engine_tokens(text: str) -> list[tuple[str, bool]]:
    """(lowercase token, is_punct) as the engine's tokenizer (src/text/token.rs) splits
    ``text``: words with inner hyphens, apostrophes and periods; the possessive 's as a
    token of its own; a final period kept for dotted groups, single initials and listed
    abbreviations; any other non-alphanumeric character a punctuation token."""
    out: list[tuple[str, bool]] = []
    n, i, last_end = len(text), 0, -1
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if not c.isalnum():
            if (c == "'" and i + 1 < n and text[i + 1] in "sS"
                    and (i + 2 >= n or not text[i + 2].isalnum()) and last_end == i):
                out.append(("'s", False))
                i, last_end = i + 2, i + 2
            else:
                out.append((c, True))
                i, last_end = i + 1, i + 1
            continue
        number = c.isascii() and c.isdigit()
        j, inner_period = i + 1, False
        while j < n:
            d = text[j]
            if d.isalnum():
                j += 1
                continue
            if not (d in "-'." or (d == "," and number)):
                break
            if j + 1 >= n or not text[j + 1].isalnum():
                break
            nxt = text[j + 1]
            if d == "'" and nxt in "sS" and (j + 2 >= n or not text[j + 2].isalnum()):
                break
            if d == "," and not (nxt.isascii() and nxt.isdigit()):
                break
            inner_period |= d == "."
            j += 2
        word = text[i:j]
        if j < n and text[j] == ".":
            single_initial = len(word) == 1 and c.isupper()
            dotted = inner_period and not number
            listed = not number and (word.lower() + ".") in ABBREVIATIONS
            if single_initial or dotted or listed:
                j += 1
        out.append((text[i:j].lower(), False))
        i, last_end = j, j
    return out


def engine_form(alias: str) -> str | None:
    """The alias as the engine's tokens joined by single spaces, tokenizing it as news
    writes it (words capitalised, so "k. c. chan" keeps its initials); None if it would
    contain a punctuation token (e.g. "dem. rep." where "dem." is no known abbreviation)."""
    written = " ".join(w[:1].upper() + w[1:] for w in alias.split())
    tokens = engine_tokens(written)
    if not tokens or any(punct for _, punct in tokens) or tokens[0][0] == "'s":
        return None
    return " ".join(t for t, _ in tokens)


def valid_alias(alias: str) -> bool:
    """Letters, digits, spaces and .'- only, with at least one letter."""
    if not alias or not any(c.isalpha() for c in alias):
        return False
    return all(c.isalnum() or c in " .'-" for c in alias)


def with_variants(alias: str, hyphen_twin: bool = False) -> list[str]:
    """The alias, its ASCII-folded twin, and (for people) the hyphen-spaced twin."""
    out = [alias]
    folded = fold(alias)
    if folded != alias and folded.isascii():
        out.append(folded)
    if hyphen_twin:
        for a in list(out):
            spaced = re.sub(r"(?<=\w)-(?=\w)", " ", a)
            if spaced != a:
                out.append(spaced)
    seen: list[str] = []
    for a in out:
        if a not in seen:
            seen.append(a)
    return seen


def letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalpha())


# ---------------------------------------------------------------------------------------
# capitals.tsv
# ---------------------------------------------------------------------------------------


@dataclass
class Country:
    code: str
    actor: str
    capitals: list[str]
    names: list[str]
    demonyms: list[str]
    comment: str


def load_capitals(path: Path) -> dict[str, Country]:
    table: dict[str, Country] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 5:
            sys.exit(f"{path}:{lineno}: expected at least 5 tab-separated fields")
        code, actor, caps, names, dems = (f.strip() for f in fields[:5])
        comment = fields[5].strip() if len(fields) > 5 else ""

        def split(field: str) -> list[str]:
            return [tokenize_alias(x) for x in field.split("|") if x.strip()]

        if code in table:
            sys.exit(f"{path}:{lineno}: code {code} listed twice")
        table[code] = Country(code, actor, split(caps), split(names), split(dems), comment)
    return table


# ---------------------------------------------------------------------------------------
# PETRARCH actor dictionary
# ---------------------------------------------------------------------------------------


@dataclass
class Restriction:
    code: str
    start: int  # 0 = from the beginning
    end: int  # OPEN_END = open-ended
    dated: bool


@dataclass
class Record:
    line: int
    names: list[str]  # raw phrases, e.g. "SOUTH_KOREA_"
    code: str  # code on the primary line, "" if none
    restrictions: list[Restriction]


class Quirks:
    """Oddities met while reading PETRARCH, reported on stderr."""

    def __init__(self) -> None:
        self.bad_dates: list[str] = []
        self.bad_chars: list[str] = []
        self.bare_dates: list[str] = []

    def report(self) -> None:
        if self.bad_dates:
            say(f"PETRARCH: {len(self.bad_dates)} malformed dates ignored: " + ", ".join(self.bad_dates))
        if self.bare_dates:
            say(f"PETRARCH: {len(self.bare_dates)} bare dates read as '>date': " + ", ".join(self.bare_dates))
        if self.bad_chars:
            say(f"PETRARCH: {len(self.bad_chars)} aliases with broken characters dropped: "
                + ", ".join(self.bad_chars))


def parse_date(text: str, quirks: Quirks, where: str) -> int | None:
    if text.isdigit() and len(text) == 8:
        return int(text)
    if text.isdigit() and len(text) == 6:
        yy = int(text[:2])
        return (2000 + yy if yy <= YY_PIVOT else 1900 + yy) * 10000 + int(text[2:])
    quirks.bad_dates.append(f"{text!r} (line {where})")
    return None


def parse_restriction(body: str, lineno: int, quirks: Quirks) -> Restriction | None:
    parts = body.split(None, 1)
    if not parts:
        return None
    code = parts[0]
    rng = parts[1].replace(" ", "") if len(parts) > 1 else ""
    where = str(lineno)
    if not rng:
        return Restriction(code, 0, OPEN_END, False)
    if rng[0] == ">":
        d = parse_date(rng[1:], quirks, where)
        return None if d is None else Restriction(code, d, OPEN_END, True)
    if rng[0] == "<":
        d = parse_date(rng[1:], quirks, where)
        return None if d is None else Restriction(code, 0, d, True)
    if "-" in rng:
        a, b = rng.split("-", 1)
        da, db = parse_date(a, quirks, where), parse_date(b, quirks, where)
        if da is None or db is None:
            return None
        return Restriction(code, da, db, True)
    d = parse_date(rng, quirks, where)  # undocumented: a bare date
    if d is None:
        return None
    quirks.bare_dates.append(f"[{body}] (line {lineno})")
    return Restriction(code, d, OPEN_END, True)


def read_petrarch(path: Path, quirks: Quirks) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    raw = path.read_bytes().decode("utf-8", errors="replace")
    for lineno, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if line[0] in " \t":
            match = re.match(r"\s*\[([^\]]*)\]", body)
            if match and current is not None:
                r = parse_restriction(match.group(1).strip(), lineno, quirks)
                if r is not None:
                    current.restrictions.append(r)
            continue
        if line.startswith("+"):
            if current is None:
                continue
            # a few lines carry two synonyms: "+TAIOAN_ +TAWIAN_"
            for phrase in re.split(r"\s+\+", body[1:]):
                if phrase.strip():
                    current.names.append(phrase.strip())
            continue
        match = re.match(r"([^\[]*?)\s*(?:\[([^\]]*)\])?\s*$", body)
        if not match:
            continue
        current = Record(lineno, [match.group(1).strip()], (match.group(2) or "").strip(), [])
        records.append(current)
    return records


def current_code(record: Record) -> str:
    """The code that applies now: open-ended restriction with the latest start, else the
    undated default restriction, else the primary line's code."""
    open_ended = [r for r in record.restrictions if r.dated and r.end == OPEN_END]
    if open_ended:
        return max(open_ended, key=lambda r: r.start).code
    undated = [r for r in record.restrictions if not r.dated]
    if undated:
        return undated[-1].code
    return record.code


def map_code(code: str) -> str:
    return PETRARCH_CODE_MAP.get(code, code)


def petrarch_alias(phrase: str, quirks: Quirks) -> str | None:
    alias = tokenize_alias(phrase.strip().strip("_").strip())
    if "\ufffd" in alias or any(unicodedata.category(c) == "Cc" for c in alias):
        quirks.bad_chars.append(repr(phrase))
        return None
    return alias if valid_alias(alias) else None


# Words that make an official name out of a short one ("republic of korea").
STATEFORM = set("""
republic of the kingdom democratic people people's peoples federal federative islamic state states
united socialist arab federation union commonwealth principality grand duchy sultanate
emirate plurinational bolivarian hashemite co-operative cooperative oriental independent
federated rep rep. dem. nation
""".split())


def core(alias: str) -> str:
    return " ".join(w for w in alias.split() if w not in STATEFORM)


def classify_country_alias(alias: str, country: Country) -> tuple[str | None, str]:
    """Kind for a PETRARCH alias of a country record, or None with the reason."""
    if alias in country.capitals:
        return "capital", "capital"
    if alias in country.names:
        return "country", "name"
    if alias in country.demonyms:
        return "demonym", "demonym"
    alias_core = letters(core(alias))
    if not alias_core:
        return None, "only generic words"
    best, best_kind, best_anchor = 0.0, None, ""
    for kind, anchors in (("country", country.names), ("demonym", country.demonyms)):
        for anchor in anchors:
            anchor_core = letters(core(anchor)) or letters(anchor)
            ratio = difflib.SequenceMatcher(None, alias_core, anchor_core).ratio()
            if ratio > best:
                best, best_kind, best_anchor = ratio, kind, anchor
    if best < MATCH_RATIO:
        return None, f"not a name of the country (closest {best_anchor!r} {best:.2f})"
    if len(core(alias).split()) > len((core(best_anchor) or best_anchor).split()):
        return None, f"more words than {best_anchor!r} (a place named after it?)"
    if alias in PETRARCH_DROP:
        return None, PETRARCH_DROP[alias]
    kind = best_kind
    if set(alias.split()) & (STATEFORM - {"the", "of"}) or alias.endswith("a"):
        kind = "country"  # "turkish republic", "ukraina"
    return kind, f"variant of {best_anchor!r} ({best:.2f})"


# ---------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------

HAND, PETRARCH_COUNTRY, PETRARCH_PERSON = 0, 1, 2  # priority, lower wins


@dataclass
class Entry:
    alias: str
    actor: str
    kind: str
    note: str
    priority: int
    person: str = ""  # identifies one person (several aliases), "" for other kinds


def say(message: str) -> None:
    print(message, file=sys.stderr)


def gov_role(code: str) -> tuple[str, str] | None:
    """('JPN', 'GOV') for JPNGOV / JPNGOVMIL, None for other roles."""
    match = re.fullmatch(r"([A-Z]{3})(GOV[A-Z]*)", code)
    if not match or match.group(2) in ("GOVLEG", "GOVPTY"):
        return None
    return match.group(1), match.group(2)


def year_span(r: Restriction) -> str:
    start = "" if r.start == 0 else str(r.start // 10000)
    end = "" if r.end == OPEN_END else str(r.end // 10000)
    return f"{start}-{end}" if start != end else start


# PETRARCH codes the Hong Kong and Macau SAR officials as Chinese government (CHNGOV...).
# Primary name -> actor they speak for, or None to leave them out (Macau is not listed).
PETRARCH_PERSON_FIX: dict[str, str | None] = {
    **dict.fromkeys([
        "ambrose lee", "andrew li kwok nang", "benjamin tang", "carrie lam cheng yuet ngor",
        "denise yue chong yee", "donald tsang yam kuen", "edward yau tang wah", "eva cheng",
        "john tsang chun wah", "k. c. chan ka keung", "matthew cheung kin chung",
        "michael suen", "norman chan tak lam", "rita fan", "rita lau ng wai lan",
        "stephen lam sui lung", "timothy tong", "tsang tak sing", "wong yan lung", "york chow",
    ], "Hong Kong"),
    **dict.fromkeys([
        "cheong kuoc va", "cheong u", "fernando chui sai on", "florinda da rosa silva chan",
        "fong man chong", "francis tam pak yuen", "ho chio meng", "ho veng on", "lau cheok va",
        "lau si io", "sam hou fai", "tang shing",
    ], None),
}

# Korean and Taiwanese given names are hyphenated in English news ("Lee Myung-bak"),
# PETRARCH writes them as separate words.
HYPHENATED_GIVEN_NAMES = {"KOR", "PRK", "TWN"}


def name_twins(alias: str, code: str) -> list[str]:
    """A PETRARCH name as written there plus the forms English news uses:
    "lee myung bak" -> "lee myung-bak"; "nuri al maliki" -> "nuri al-maliki"."""
    out = [alias]
    words = alias.split()
    if code in HYPHENATED_GIVEN_NAMES and len(words) == 3:
        out.append(f"{words[0]} {words[1]}-{words[2]}")
    joined = re.sub(r"\b(al|el) (?=\w)", r"\1-", alias)
    if joined != alias and len(joined.split()) >= 2:
        out.append(joined)
    return out


def petrarch_people(records: list[Record], table: dict[str, Country], quirks: Quirks,
                    review: bool) -> list[Entry]:
    entries: list[Entry] = []
    skipped = Counter()
    for rec in records:
        if not any(r.dated for r in rec.restrictions):
            continue  # institutions and groups carry undated codes only
        restrictions = list(rec.restrictions)
        if rec.code:
            restrictions.append(Restriction(rec.code, 0, OPEN_END, False))
        qualifying = []
        prefixes = set()
        for r in restrictions:
            role = gov_role(r.code)
            if r.code.startswith("IGO"):
                prefixes.add("IGO")
            if role is None:
                continue
            prefixes.add(map_code(role[0]))
            if r.end == OPEN_END or r.end > PERSON_CUTOFF:
                qualifying.append(r)
        if not qualifying:
            continue
        if len(prefixes) > 1:
            skipped["roles in two governments"] += 1
            if review:
                say(f"  person left out (two governments {sorted(prefixes)}): {rec.names[0]}")
            continue
        code = map_code(gov_role(qualifying[0].code)[0])
        if code not in table:
            skipped[f"code {code} not a listed government"] += 1
            continue
        latest = max(qualifying, key=lambda r: (r.end, r.start))
        note = f"PETRARCH2 {latest.code} {year_span(latest)}".rstrip()
        actor = table[code].actor
        primary = tokenize_alias(rec.names[0].strip().strip("_"))
        if primary in PETRARCH_PERSON_FIX:
            actor = PETRARCH_PERSON_FIX[primary]
            if actor is None:
                skipped["Macau SAR official"] += 1
                continue
            note += f" (SAR official, coded {code} in PETRARCH)"
        for phrase in rec.names:
            alias = petrarch_alias(phrase, quirks)
            if alias is None:
                continue
            words = alias.split()
            if len(words) < 2:
                continue
            if any(w in TITLE_WORDS for w in words):
                continue
            if len(words) == 2 and all(fold(w) in COMMON_NAMES for w in words):
                skipped["common two-word name"] += 1
                if review:
                    say(f"  person name left out (common): {alias}")
                continue
            for variant in name_twins(alias, code):
                entries.append(Entry(variant, actor, "person", note, PETRARCH_PERSON,
                                     f"petrarch:{rec.line}"))
    if skipped:
        say("PETRARCH people skipped: " + ", ".join(f"{k}: {v}" for k, v in sorted(skipped.items())))
    return entries


def petrarch_countries(records: list[Record], table: dict[str, Country], quirks: Quirks,
                       review: bool) -> tuple[list[Entry], Counter]:
    entries: list[Entry] = []
    dropped = Counter()
    by_code: dict[str, list[Record]] = defaultdict(list)
    for rec in records:
        code = current_code(rec)
        if re.fullmatch(r"[A-Z]{3}", code or ""):
            by_code[map_code(code)].append(rec)
    for code in sorted(by_code):
        if code not in table:
            if review:
                names = ", ".join(r.names[0] for r in by_code[code])
                say(f"[{code}] not a listed government, skipped: {names}")
            continue
        country = table[code]
        if review:
            say(f"[{code}] {country.actor}")
        for rec in by_code[code]:
            for phrase in rec.names:
                alias = petrarch_alias(phrase, quirks)
                if alias is None:
                    dropped["unusable characters"] += 1
                    continue
                kind, why = classify_country_alias(alias, country)
                if review:
                    say(f"   {'keep' if kind else 'DROP'} {alias!r}: {kind or ''} {why}")
                if kind is None:
                    dropped["not a country name"] += 1
                    continue
                entries.append(Entry(alias, country.actor, kind, f"PETRARCH2 {code}", PETRARCH_COUNTRY))
    return entries, dropped


def hand_entries(table: dict[str, Country]) -> list[Entry]:
    entries: list[Entry] = []
    for country in table.values():
        note = f"{country.code}, hand-added"
        for kind, aliases in (("country", country.names), ("capital", country.capitals),
                              ("demonym", country.demonyms)):
            for alias in aliases:
                for variant in with_variants(alias):
                    entries.append(Entry(variant, country.actor, kind, note, HAND))
    for actor, aliases in IGOS.items():
        for alias in aliases:
            for variant in with_variants(tokenize_alias(alias)):
                entries.append(Entry(variant, actor, "body", "international body, hand-added", HAND))
    for alias, actor in BODIES:
        for variant in with_variants(tokenize_alias(alias)):
            entries.append(Entry(variant, actor, "body", "state body, hand-added", HAND))
    for i, (actor, note, aliases) in enumerate(PERSONS):
        for alias in aliases.split("|"):
            for variant in with_variants(tokenize_alias(alias), hyphen_twin=True):
                entries.append(Entry(variant, actor, "person", note, HAND, f"hand:{i}"))
    return entries


def to_engine_form(entries: list[Entry]) -> tuple[list[Entry], set[str]]:
    """Rewrite every alias in the engine's token form; drop those it cannot match."""
    out, unmatchable = [], set()
    for e in entries:
        form = engine_form(e.alias)
        if form is None:
            unmatchable.add(e.alias)
            continue
        out.append(Entry(form, e.actor, e.kind, e.note, e.priority, e.person))
    return out, unmatchable


def natural(alias: str) -> str:
    """Engine form back to writing: "people 's republic" -> "people's republic"."""
    return alias.replace(" 's", "'s")


def name_key(alias: str) -> str:
    """Spelling-insensitive key of a name: folded, hyphens as spaces."""
    return fold(alias).replace("-", " ")


def merge(entries: list[Entry], review: bool) -> tuple[list[Entry], Counter]:
    """One entry per alias: drop the ambiguous ones and those two actors claim at the same
    priority; a hand-made entry overrides PETRARCH's."""
    stats = Counter()
    left_out = {name_key(a) for a in PERSONS_LEFT_OUT}
    by_alias: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_alias[e.alias].append(e)
    kept: list[Entry] = []
    for alias, group in by_alias.items():
        if natural(alias) in AMBIGUOUS or name_key(natural(alias)) in left_out:
            stats["dropped: ambiguous or left out"] += 1
            say(f"alias {alias!r} left out ({', '.join(sorted({e.actor for e in group}))})")
            continue
        top = min(e.priority for e in group)
        best = [e for e in group if e.priority == top]
        actors = sorted({e.actor for e in best})
        if len(actors) > 1:
            stats["dropped: claimed by two actors"] += 1
            say(f"alias {alias!r} claimed by {', '.join(actors)}: dropped")
            continue
        overridden = sorted({e.actor for e in group if e.actor != actors[0]})
        if overridden:
            stats["PETRARCH alias overridden by hand table"] += 1
            if review or top == HAND:
                say(f"alias {alias!r}: {actors[0]} (hand-made) wins over {', '.join(overridden)}")
        best.sort(key=lambda e: (KINDS.index(e.kind), e.note))
        chosen = best[0]
        if chosen.priority == HAND and chosen.kind != "person":
            # credit PETRARCH when it has the same name for the same government
            same = [e for e in group if e.priority == PETRARCH_COUNTRY and e.actor == chosen.actor]
            if same:
                chosen = Entry(chosen.alias, chosen.actor, chosen.kind, same[0].note, HAND, "")
        kept.append(chosen)
    return kept, stats


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------


def wrap(items: list[str], prefix: str = "#   ", width: int = 90) -> list[str]:
    lines, line = [], prefix
    for i, item in enumerate(items):
        piece = item + (", " if i < len(items) - 1 else "")
        if len(line) + len(piece.rstrip()) > width and line != prefix:
            lines.append(line.rstrip())
            line = prefix
        line += piece
    if line.strip() != "#":
        lines.append(line.rstrip())
    return lines


def header() -> list[str]:
    lines = [
        "# actors.tsv -- default actor lexicon of stance: which government a speaker speaks for.",
        "# Generated by lexicons/tools/build_actors.py; do not edit by hand. Change the script or",
        "# lexicons/tools/capitals.tsv and rebuild from the repository root:",
        "#   python3 lexicons/tools/build_actors.py /work/shared/data/lexicons/petrarch2 > lexicons/actors.tsv",
        "#",
        "# Format: one entry per line, four tab-separated fields:",
        "#   alias<TAB>actor<TAB>kind<TAB>note",
        "# alias  lowercase tokens separated by single spaces, as the engine's tokenizer splits",
        "#        English news text: hyphenated words are one token (\"moon jae-in\"), dotted",
        "#        abbreviations keep their periods (\"u.s.\", \"s. korea\"), a possessive 's is a",
        "#        token of its own (\"People's Republic\" is \"people 's republic\"; \"Japan's\" is",
        "#        matched by \"japan\"). Accented names also appear folded to ASCII (élysée,",
        "#        elysee). The engine matches an alias only where its first word is capitalised",
        "#        in the text (or has a period). Each alias appears once. An alias written with",
        "#        capitals (the few listed last: US) matches only where the text spells it so.",
        "# actor  the government, named by its capital as newsrooms do (Seoul, Tokyo, Washington;",
        "#        the seat of government where that is what news uses: The Hague, La Paz, Colombo,",
        "#        Abidjan, Cotonou, Pretoria); Jerusalem for Israel, Ramallah for the Palestinian",
        "#        Authority, Hong Kong for the HK SAR government, Vatican for the Holy See,",
        "#        Brussels for the EU institutions (and Belgium); international bodies by short",
        "#        name: UN, NATO, WTO, G7, AU, IAEA, WHO.",
        "# kind   country  the country's names and short forms (south korea, republic of korea, rok)",
        "#        capital  the capital's (or seat's) name (seoul)",
        "#        demonym  adjective and plural noun (south korean, south koreans)",
        "#        body     state institutions, seats of government and international bodies used",
        "#                 as speakers (blue house, kremlin, european union, united nations, nato)",
        "#        person   heads of state/government, ministers and other office holders, full",
        "#                 names only (surnames alone are resolved within an article)",
        "# note   free text: \"PETRARCH2 JPN\" for country names taken from PETRARCH; for PETRARCH",
        "#        people the CAMEO role code and years of the latest government role",
        "#        (\"PETRARCH2 JPNGOV 2012-2014\"; an open end, \"2008-\", means in office when",
        "#        PETRARCH's data was compiled in January 2014); for hand-added people the role",
        "#        and years (\"Foreign Minister 2017-2019\"). A note that ends in \"(all terms)\"",
        "#        lists every term of national office the person held (legislative seats",
        "#        included): in an article whose date lies in no term, the person is a candidate",
        "#        or a former office holder and the alias names no actor (Joe Biden in 2020).",
        "#        Kind none, with the actor \"-\": a name that holds an alias but names no",
        "#        actor (new mexico, washington post, paris agreement), matched so that the",
        "#        alias inside it is not. The actor \"-\" with any other kind removes an alias.",
        "# Lines are sorted by actor, then kind (in the order above), then alias.",
        "#",
        "# Sources:",
        "# - PETRARCH2 Phoenix.Countries.actors.txt (from CountryInfo.140130.txt), copyright (c)",
        "#   2014 Open Event Data Alliance, MIT licence: see lexicons/LICENSE-petrarch2.txt. Taken:",
        "#   country names and their spelling variants (its cities, provinces, regions and",
        "#   foreign-language names are dropped), and people with a government role (CAMEO",
        "#   ...GOV) that ended after 2010 or is open-ended.",
        "# - Hand-added in build_actors.py and capitals.tsv: capitals, English country names,",
        "#   demonyms, state and international bodies, and office holders 2017-2026 with the role",
        "#   and years in the note column.",
        "#",
        "# Adding or overriding actors: do not edit this file; put lines in the same format in",
        "# your own file and load it with `stance score --lexicon actors=FILE` (adds to these",
        "# entries; `--replace-lexicon actors=FILE` uses your file instead of this one). The",
        "# note is optional. A line for an alias that is already here replaces this entry (to",
        "# map \"blue house\" elsewhere, or to file a person under another actor); new aliases",
        "# are added; the actor \"-\" removes an alias (\"turkey<TAB>-\"). An actor is any name you",
        "# choose; use the names here to add to one of the default governments.",
        "#",
        "# Left out on purpose because in English news text they mostly mean something else:",
    ]
    lines += [f"#   {a:16} {why}" for a, why in sorted(AMBIGUOUS.items())]
    lines.append("# People left out (office for two actors, or a name many people share):")
    lines += [f"#   {a:26} {why}" for a, why in sorted(PERSONS_LEFT_OUT.items()) if a.isascii()]
    lines.append("# Kept although they have other meanings (in news they are mostly the government):")
    lines += wrap(KEPT_AMBIGUOUS)
    lines.append("#")
    return lines


def validate(entries: list[Entry], actors: set[str]) -> None:
    errors = []
    seen = set()
    for e in entries:
        fields = [e.alias, e.actor, e.kind, e.note]
        if any("\t" in f or "\n" in f or not f.strip() for f in fields):
            errors.append(f"bad field in {fields}")
        if e.alias != e.alias.lower() or e.alias != " ".join(e.alias.split()):
            errors.append(f"alias not lowercase/single-spaced: {e.alias!r}")
        if not valid_alias(e.alias) or engine_form(natural(e.alias)) != e.alias:
            errors.append(f"alias not in the engine's token form: {e.alias!r}")
        if e.alias.startswith("#"):
            errors.append(f"alias looks like a comment: {e.alias!r}")
        if e.alias in seen:
            errors.append(f"alias repeated: {e.alias!r}")
        seen.add(e.alias)
        if e.actor not in actors:
            errors.append(f"actor not in the fixed list: {e.actor!r} ({e.alias!r})")
        if e.kind not in KINDS:
            errors.append(f"unknown kind {e.kind!r} ({e.alias!r})")
        if e.kind == "person" and len(e.alias.split()) < 2:
            errors.append(f"person alias is one word: {e.alias!r}")
        if natural(e.alias) in AMBIGUOUS:
            errors.append(f"ambiguous alias listed: {e.alias!r}")
    if errors:
        for err in errors[:50]:
            say("ERROR: " + err)
        sys.exit(f"validation failed: {len(errors)} errors")


def validate_output(lines: list[str], actors: set[str]) -> None:
    """Re-read the written lines the way the Rust loader does."""
    seen = set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 4:
            sys.exit(f"output line {n}: {len(fields)} fields")
        alias, actor, kind, _ = fields
        if alias != alias.lower() or alias in seen or actor not in actors or kind not in KINDS:
            sys.exit(f"output line {n} invalid: {line!r}")
        seen.add(alias)


UN_AGENCIES = {"IAEA", "WHO"}

# Aliases that name an actor only in capitals, because their lowercase form is a
# common word: (alias as written, actor, kind, why). The engine matches an alias
# that has capital letters only where the text spells it exactly so.
# Names that hold an alias but name no actor: matched as aliases are (the longest
# first), so the alias inside them is not; written with the actor "-" and the
# kind "none". (alias, what it names)
SHIELDS: list[tuple[str, str]] = [
    ("new mexico", "a US state, not Mexico"),
    ("new guinea", "the island, not Guinea"),
    ("british columbia", "a Canadian province, not the UK"),
    ("washington post", "a newspaper"),
    ("washington times", "a newspaper"),
    ("washington examiner", "a newspaper"),
    ("washington state", "a US state, not the federal government"),
    ("paris agreement", "the climate treaty, not France"),
    ("paris climate agreement", "the climate treaty, not France"),
    ("paris climate accord", "the climate treaty, not France"),
    ("paris accord", "the climate treaty, not France"),
    ("latin america", "a region, not the US"),
    ("south america", "a continent, not the US"),
    ("north america", "a continent, not the US"),
    ("central america", "a region, not the US"),
]

EXACT_CASE: list[tuple[str, str, str, str]] = [
    ("US", "Washington", "country",
     "capitals only, hand-added: 'us' is the pronoun (news writes 'US officials', '#US')"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("petrarch_dir", type=Path,
                        help="directory holding PETRARCH2's Phoenix.Countries.actors.txt")
    parser.add_argument("--review", action="store_true",
                        help="print every PETRARCH alias kept or dropped, and why (stderr)")
    args = parser.parse_args()

    ABBREVIATIONS.update(load_abbreviations(ABBREVIATIONS_TXT))
    table = load_capitals(CAPITALS_TSV)
    actors = {c.actor for c in table.values()} | set(IGOS)
    for actor, _, _ in PERSONS:
        if actor not in actors:
            sys.exit(f"hand-made person for unknown actor {actor!r}")
    for _, actor in BODIES:
        if actor not in actors:
            sys.exit(f"hand-made body for unknown actor {actor!r}")

    quirks = Quirks()
    records = read_petrarch(args.petrarch_dir / PETRARCH_FILE, quirks)
    say(f"PETRARCH: {len(records)} records read from {PETRARCH_FILE}")

    country_entries, dropped = petrarch_countries(records, table, quirks, args.review)
    people = petrarch_people(records, table, quirks, args.review)
    say(f"PETRARCH country aliases kept: {len(country_entries)}; dropped: "
        + ", ".join(f"{k}: {v}" for k, v in sorted(dropped.items())))
    say(f"PETRARCH person aliases taken: {len(people)}")

    entries, unmatchable = to_engine_form(hand_entries(table) + country_entries + people)
    if unmatchable:
        say(f"aliases the engine's tokenizer cannot match as written, dropped ({len(unmatchable)}): "
            + ", ".join(sorted(unmatchable)))
    entries, stats = merge(entries, args.review)
    for key, value in sorted(stats.items()):
        say(f"{key}: {value}")
    quirks.report()

    # UN agencies speak as the UN (the annotation guide's convention: international
    # bodies are Brussels, UN, WTO, GATT, NATO, G7, AU).
    for e in entries:
        if e.actor in UN_AGENCIES:
            e.note = f"{e.actor} (UN agency); {e.note}"
            e.actor = "UN"
    entries.sort(key=lambda e: (e.actor.casefold(), e.actor, KINDS.index(e.kind), e.alias))
    validate(entries, actors)

    # An exact-case alias has capitals, and its lowercase form is no alias of its own.
    aliases = {e.alias for e in entries}
    for alias, actor, kind, _ in EXACT_CASE:
        if (actor not in actors or kind not in KINDS or alias == alias.lower()
                or alias.lower() in aliases):
            sys.exit(f"bad exact-case alias {alias!r}")
    lines = header() + [f"{e.alias}\t{e.actor}\t{e.kind}\t{e.note}" for e in entries]
    validate_output(lines, actors)
    lines += ["# Aliases matched only as written, in capitals (their lowercase form is a common word):"]
    lines += [f"{alias}\t{actor}\t{kind}\t{why}" for alias, actor, kind, why in EXACT_CASE]
    lines += ["# Names that hold an alias but name no actor (kind none), matched so that the alias"]
    lines += ["# inside them is not:"]
    for alias, why in SHIELDS:
        if alias in aliases:
            sys.exit(f"shield {alias!r} is an alias")
        lines.append(f"{alias}\t-\tnone\t{why}")
    sys.stdout.write("\n".join(lines) + "\n")

    per_kind = Counter(e.kind for e in entries)
    used_actors = {e.actor for e in entries}
    say(f"actors: {len(used_actors)} used of {len(actors)} in the fixed list")
    for kind in KINDS:
        say(f"  {kind:8} {per_kind[kind]}")
    say(f"  total    {len(entries)}")
    hand_people = {e.person for e in entries if e.person.startswith("hand:")}
    petrarch_people_kept = {e.person for e in entries if e.person.startswith("petrarch:")}
    say(f"people: {len(hand_people) + len(petrarch_people_kept)} ({len(hand_people)} hand-added, "
        f"{len(petrarch_people_kept)} from PETRARCH) under {per_kind['person']} aliases")
    missing = sorted(actors - used_actors)
    if missing:
        say("actors without any alias: " + ", ".join(missing))


if __name__ == "__main__":
    main()
