#!/usr/bin/env python3
"""Prints the expected-scores table of tests/vader_parity.rs.

The expected values are what the reference implementation, vaderSentiment 3.3.2
(PyPI), returns from SentimentIntensityAnalyzer().polarity_scores(text). To
regenerate after changing the sentences below:

    pip install vaderSentiment==3.3.2
    python3 tests/data/vader_expected.py

and paste the printed block over the one between the BEGIN/END GENERATED markers
in tests/vader_parity.rs.

Sources of the sentences: NEWS are real sentences from
shared/data/wikinews/wikinews_2019_2020.jsonl (Wikinews, CC BY 2.5; the id of the
article is in the comment); EDGE are written by hand to exercise each of VADER's
rules (the README and demo sentences of vaderSentiment are among them).
"""

import sys
import unicodedata

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# (rule or source, sentence)
NEWS = [
    ("wn-2019-0038 but", 'One of the victims said the men thought they were "nothing but a toy to play with".'),
    ("wn-2020-0070 but", "((Naomi Martisius)) Actually I think I've mentioned this in one of those previous questions, but: I think the main challenge had to do with validating our results."),
    ("wn-2020-0004 but", "Stavanger Airport, Sola was to open on Wednesday morning, but returning to normal service was expected to take longer."),
    ("wn-2020-0092 curly quotes", "\"It\u2019s a long shot I\u2019ll grant you, but our ticket may draw enough votes that would otherwise go to Biden-Harris to give Trump-Pence a plurality."),
    ("wn-2020-0112 negation", "((WN)) Is the DRM really harmful for an independent society \u2014 a society which is not controlled by a select few companies."),
    ("wn-2020-0086 negation", "Shapiro's widow, former tennis player Pam Shriver, said her husband had told her Trump had not met Shapiro until being admitted to Wharton."),
    ("wn-2019-0077 negation", "In a statement, V\u00e1zquez said, \"I understand he made the right decision, for the good of both his family and for Puerto Rico, as I let him know [...] He just announced that this resignation will not be effective today."),
    ("wn-2020-0074 not/but", "It's not specifically hard, but it requires to be convinced, so to make sure that you have done the analysis correctly."),
    ("wn-2019-0068 dampener", "A niqab is a face-veil, which covers almost the entire face, and is commonly worn by Muslim females as a religious garment."),
    ("wn-2020-0054 booster", "((Thomas Rivinius)) Well, for me, it's the realisation that black holes are very common."),
    ("wn-2020-0047 booster", "Yeah, most likely I would still be rotting somewhere."),
    ("wn-2019-0008 booster", "The website yesterday suggested piracy, perhaps to obtain the valuable cargo, is now the most prominent theory."),
    ("wn-2020-0101 question", "((WSS)) : What should be done, from the government's perspective, to combat global climate change?"),
    ("wn-2019-0067 at least", "In that event, Fields, a self-described Neo-Nazi, killed a woman named Heather Heyer and injured at least nineteen others."),
    ("wn-2019-0127 at least", "Mandatory sentencing called for at least 20 years in prison and up to life in prison."),
    ("wn-2020-0119 ALL CAPS", "While we haven't given any ETA on release, we already have a large percentage of the work underway and if I were to make a SWAG [Scientific wild-ass guess], it will be near the end of Q1 or beginning of Q2 2021."),
    ("wn-2020-0119 without", "CentOS would then follow RHEL's release cycle to provide the same features free of cost, but without the support."),
    ("wn-2020-0059 curly quotes", "She said \u201cJohn Luk was very honest, hardworking and a brilliant person who devoted his entire life to fight for South Sudan during the liberation processes until his death."),
    ("wn-2019-0022 weren't", "The head of the police's internal investigators told the court \"Basic investigations weren't done.\" She also said \"I regret we weren\u2019t called immediately."),
    ("wn-2019-0131 but + booster", "He was a fiery but extremely talented and innovative drummer.\""),
    ("wn-2020-0047 positive", "So yeah, I really like to play against French Defence."),
    ("wn-2020-0095 negative", "Edward Lodewijk \"Eddie\" Van Halen, lead guitarist of US rock band Van Halen, died Tuesday at age 65 following an extended battle with throat cancer."),
    ("wn-2020-0027 negative", "Illegal abortion is a crime punishable with a prison term in the Latin American country since 1921."),
    ("wn-2020-0086 negative", "Trump called Stone's 40 month sentence \"unjust.\" The Biden campaign criticized the commutation as an abuse of power, pointing to the \"ballot box\" as the only way to stop Trump."),
    ("wn-2020-0047 not happy", "I was hoping that someone would read between the lines and see that I am not happy with the federation."),
    ("wn-2020-0070 very very", "But that was very very rare, only found at a very small number of sites, and even that is controversial."),
]

EDGE = [
    # README / demo sentences of vaderSentiment
    ("plain", "VADER is smart, handsome, and funny."),
    ("!", "VADER is smart, handsome, and funny!"),
    ("booster", "VADER is very smart, handsome, and funny."),
    ("ALL CAPS", "VADER is VERY SMART, handsome, and FUNNY."),
    ("ALL CAPS + !!!", "VADER is VERY SMART, handsome, and FUNNY!!!"),
    ("slang boosters", "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!"),
    ("not ... nor", "VADER is not smart, handsome, nor funny."),
    ("plain", "The book was good."),
    ("at least + isn't", "At least it isn't a horrible book."),
    ("kind of", "The book was only kind of good."),
    ("but", "The plot was good, but the characters are uncompelling and the dialog is not great."),
    ("caps slang", "Today SUX!"),
    ("kinda + But", "Today only kinda sux! But I'll get by, lol"),
    ("emoticons (:D never matches)", "Make sure you :) or :D today!"),
    ("emoji", "Catch utf-8 emoji such as \U0001F498 and \U0001F48B and \U0001F601"),
    ("Not", "Not bad at all"),
    ("never", "Sentiment analysis has never been good."),
    ("never this", "Sentiment analysis has never been this good!"),
    ("most", "Most automated sentiment analysis tools are shit."),
    ("special: the shit", "With VADER, sentiment analysis is the shit!"),
    ("quite", "Other sentiment analysis tools can be quite bad."),
    ("special: bad ass", "On the other hand, VADER is quite bad ass"),
    ("badass", "VADER is such a badass!"),
    ("without doubt", "Without a doubt, excellent idea."),
    ("most", "Roger Dodger is one of the most compelling variations on this theme."),
    ("at least", "Roger Dodger is at least compelling as a variation on the theme."),
    ("least", "Roger Dodger is one of the least compelling variations on this theme."),
    ("Not such", "Not such a badass after all."),
    ("without an doubt", "Without a doubt, an excellent idea."),
    # boosters and dampeners
    ("dampener", "The results were slightly disappointing."),
    ("dampener", "The service was barely acceptable."),
    ("hardly", "Things are hardly great."),
    ("sort of n-gram", "The plan was sort of a failure, analysts said."),
    ("kind of", "I feel kind of sad today."),
    ("booster 2 back", "The results are extremely very good."),
    ("CAPS booster", "The results are EXTREMELY good."),
    ("booster that is also a word", "Totally awesome, absolutely incredible work."),
    # negation
    ("n't", "I don't like this at all."),
    ("dont", "I dont hate it."),
    ("curly n't is no negation", "It isn\u2019t good."),
    ("not very", "The food was not very good."),
    ("never so", "It was never so exciting to watch."),
    ("so/this 3 back", "We all think this good result is deserved."),
    ("despite", "despite the good reviews"),
    ("no", "There is no hope left."),
    ("No ... not", "No, this is not a good idea."),
    ("no ... or", "There was no joy or hope in the city."),
    ("no + lexicon word", "no good"),
    ("least", "This is the least bad option."),
    ("least first", "Least good of all"),
    ("very least", "This was the very least helpful reply."),
    # special cases and idioms
    ("special: the bomb", "This is the bomb, seriously."),
    ("special: bus stop", "We waited at the bus stop"),
    ("special: yeah right", "So they said yeah right to the offer"),
    ("special: to die for", "That dress is really to die for."),
    ("special: kiss of death", "Their proposal was the kiss of death for the coalition."),
    ("special: beating heart", "The album has a beating heart of its own."),
    ("not a 3.3.2 special case", "The minister was left with a broken heart."),
    ("idiom (unused in 3.3.2)", "He is under the weather today."),
    # but
    ("two buts", "Some said the new policy is good but others said it is bad but workable."),
    ("but + list.index quirk", "good good bad bad but good"),
    ("caps + but", "He was GREAT but the team was TERRIBLE"),
    ("all caps (no differential)", "THE GAME WAS GREAT"),
    # punctuation
    ("??", "Is this really happening??"),
    ("????", "Why would they do that????"),
    ("??? with sentiment", "Is this really good???"),
    ("???? with sentiment", "Was it a terrible match????"),
    ("! and ?", "Great win?! Amazing!"),
    ("many !", "The attack was horrible!!!!!!!!"),
    ("!!!!!!", "What a great day!!!!!!"),
    ("only punctuation", "!!!"),
    ("empty", ""),
    ("whitespace only", " \t\n"),
    ("ok! kept whole", "It is ok!"),
    # emoticons and emoji
    ("emoticon", ":( the match was cancelled"),
    ("emoticon", "<3 you all"),
    ("emoji + U+FE0F", "I \u2764\ufe0f this city"),
    ("emoji symbol", "Apple\u2122 reported record profits \U0001F4C8"),
    ("adjacent emoji", "She smiled \U0001F60A\U0001F60A at the crowd"),
    ("LOL", "LOL that was hilarious"),
    # odd whitespace and Unicode
    ("tab/newline/nbsp", "Good\tnews\nfor\u00a0everyone"),
    ("unit separator is Python whitespace", "good\x1fbad"),
    ("zero-width space is not", "good\u200bnews"),
    ("Greek capitals", "\u039f\u0394\u039f\u03a3 is GREAT news"),
]


def rust_str(s):
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch != " " and unicodedata.category(ch)[0] in "CZ":
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def main():
    analyzer = SentimentIntensityAnalyzer()
    w = sys.stdout.write
    w("// BEGIN GENERATED by tests/data/vader_expected.py (vaderSentiment 3.3.2)\n")
    w("/// (what it tests, text, compound, pos, neu, neg)\n")
    w("#[rustfmt::skip]\n")
    w("const CASES: &[(&str, &str, f64, f64, f64, f64)] = &[\n")
    for rule, text in NEWS + EDGE:
        s = analyzer.polarity_scores(text)
        w("    (%s, %s, %r, %r, %r, %r),\n"
          % (rust_str(rule), rust_str(text), s["compound"], s["pos"], s["neu"], s["neg"]))
    w("];\n")
    w("// END GENERATED\n")


if __name__ == "__main__":
    main()
