using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>Rules for non-verb cues: <c>according to</c>, gapped cues, hedges, agentless phrases and headline colons.</summary>
internal sealed partial class AttributionExtractor
{
    /// <summary>Words before a colon that introduce captions and notes, not speakers.</summary>
    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "photo", "photos", "source", "sources", "update", "updated", "note", "read", "watch", "related", "tags", "image", "images",
        "credit", "caption", "editor", "by", "video", "see", "also", "more", "listen", "share", "subscribe", "question", "answer",
        "q", "a", "warning", "disclaimer", "correction", "background", "context", "location", "date", "time",
    };

    /// <summary><c>according to X, ...</c> / <c>..., according to X.</c> / <c>A, according to X, B</c>.</summary>
    private void AccordingTo(int t, int length, CuePhrase phrase)
    {
        var e = t + length;
        var end = SentenceEnd(t);
        var first = SentenceFirst(t);
        var max = _options.MaxSourceTokens;
        var j = e;
        while (j < end && j - e < max && !IsPunct(j, ',') && !IsQuoteMark(j) && !IsSentenceFinal(j) && !IsPunct(j, ';')
            && !IsPunct(j, ':') && !IsPunct(j, '—') && !IsPunct(j, '–') && !KeyIs(j, "that"))
        {
            _ws.Steps++;
            j++;
        }

        if (j - e >= max)
        {
            j = NounPhraseRight(e, end);
        }

        while (j > e && !IsWord(j - 1))
        {
            j--;
        }

        if (j <= e)
        {
            return;
        }

        // "according to Dennis Ross, another former envoy, ...": the appositive belongs to the source.
        j = AppositiveAfter(j);

        var found = new FoundAttribution
        {
            SourceStart = e,
            SourceEnd = j,
            CueStart = t,
            CueEnd = e,
            Lemma = phrase.Lemma,
            Stance = phrase.Stance,
            Mode = AttributionMode.AccordingTo,
        };

        // Content after the source (According to X, ...), before it (..., according to X.), or both (A, according to X, B).
        var afterStart = IsPunct(j, ',') ? j + 1 : j;
        int a1 = -1, a2 = -1;
        var hasAfter = afterStart < end && Span(afterStart, ContentBoundary(afterStart), out a1, out a2);
        var beforeEnd = IsPunct(t - 1, ',') || IsPunct(t - 1, '—') || IsPunct(t - 1, '–') ? t - 1 : t;
        var atClauseStart = t == first || (IsQuoteMark(t - 1) && _ws.QuoteOpenAt[t - 1] >= 0) || (Has(t - 1, WordClass.Conjunction) && t - 1 == first);
        int b1 = -1, b2 = -1;
        var hasBefore = !atClauseStart && beforeEnd > first && Span(first, beforeEnd, out b1, out b2);
        if (atClauseStart || !hasBefore)
        {
            if (!hasAfter)
            {
                return;
            }

            (found.Content1Start, found.Content1End) = (a1, a2);
        }
        else
        {
            (found.Content1Start, found.Content1End) = (b1, b2);
            if (hasAfter && IsPunct(j, ',') && !IsSentenceFinal(afterStart))
            {
                (found.Content2Start, found.Content2End) = (a1, a2);
            }
        }

        _ = ModeOf(found.Content1Start, found.Content1End);
        Emit(found);
    }

    /// <summary><c>It is noted that ...</c>: an agentless, hedged attribution of the clause after it.</summary>
    private void AgentlessPhrase(int t, int length, CuePhrase phrase)
    {
        var e = t + length;
        if (e >= SentenceEnd(t) || !(IsWord(e) || _ws.QuoteOpenAt[e] >= 0))
        {
            return;
        }

        if (!Span(e, ContentBoundary(e), out var c1, out var c2))
        {
            return;
        }

        Emit(new FoundAttribution
        {
            CueStart = t,
            CueEnd = e,
            Lemma = phrase.Lemma,
            Stance = phrase.Stance,
            Mode = AttributionMode.Agentless,
            Hedged = true,
            Content1Start = c1,
            Content1End = c2,
        });
    }

    /// <summary>
    /// <c>reportedly</c>, <c>allegedly</c>: when next to a reporting verb it only hedges that verb's attribution;
    /// otherwise its clause is an agentless, hedged attribution.
    /// </summary>
    private void Hedge(int t, int length, CuePhrase phrase)
    {
        var first = SentenceFirst(t);
        var end = SentenceEnd(t);
        for (var j = Math.Max(first, t - 2); j < Math.Min(end, t + length + 3); j++)
        {
            _ws.Steps++;
            if (j != t && IsVerbCue(j) && !IsParticipleCue(j))
            {
                return;
            }
        }

        if (!Span(first, ContentBoundary(first), out var c1, out var c2))
        {
            return;
        }

        Emit(new FoundAttribution
        {
            CueStart = t,
            CueEnd = t + length,
            Lemma = phrase.Lemma,
            Stance = phrase.Stance,
            Mode = AttributionMode.Agentless,
            Hedged = true,
            Content1Start = c1,
            Content1End = c2,
        });
    }

    /// <summary>A gapped cue: finds its tail within the sentence and applies <c>cited ... as saying</c> or <c>what ... called</c>.</summary>
    private bool Gapped(int t, int length, ReadOnlySpan<CueEntry> heads)
    {
        var e = t + length;
        var end = Math.Min(SentenceEnd(t), e + MaxGapTokens);
        for (var j = e + 1; j < end; j++)
        {
            _ws.Steps++;
            if (IsSentenceFinal(j) || IsPunct(j, ';'))
            {
                return false;
            }

            foreach (var tail in _table.Entries(_ws.Longest[j]))
            {
                if (tail.Kind != CueEntryKind.GapTail)
                {
                    continue;
                }

                foreach (var head in heads)
                {
                    if (head.Kind == CueEntryKind.GapHead && head.Index == tail.Index)
                    {
                        var phrase = _table.Phrases[head.Index];
                        var tailEnd = j + _ws.LongestLength[j];
                        return phrase.Kind == CuePhraseKind.CitedAsSaying
                            ? CitedAsSaying(t, e, j, tailEnd, phrase, heads)
                            : WhatCalled(t, e, j, tailEnd, phrase);
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Azerbaijani media cited an unnamed source as saying that ...</c>: the cited source says the content (nested),
    /// and the citing subject, when there is one, reports the cited source's statement.
    /// </summary>
    private bool CitedAsSaying(int h, int he, int ts, int te, CuePhrase phrase, ReadOnlySpan<CueEntry> heads)
    {
        var se = NounPhraseRight(he, ts);
        if (se <= he)
        {
            return false;
        }

        if (!Span(te, ContentBoundary(te), out var c1, out var c2))
        {
            return false;
        }

        var inner = SplitCue(he, se, h, he, ts, te, phrase, c1, c2);
        inner.Nested = true;

        var hedged = false;
        string? lemma = null;
        foreach (var entry in heads)
        {
            if (entry.Kind == CueEntryKind.Verb)
            {
                lemma = _table.Verbs[entry.Index].Lemma;
            }
        }

        if (lemma is not null && !IsParticipleCue(h) && LeftSource(h, out var os, out var oe, ref hedged))
        {
            var outer = new FoundAttribution
            {
                SourceStart = os,
                SourceEnd = oe,
                CueStart = h,
                CueEnd = he,
                Lemma = lemma,
                Stance = CueStance.Neutral,
                Hedged = hedged,
                Content1Start = T[he].Start,
                Content1End = c2,
                Mode = inner.Mode,
            };
            Emit(outer);
        }

        Emit(inner);
        return true;
    }

    /// <summary><c>what it called a drive to “restore ...”</c>: the source's own wording, reported with distance.</summary>
    private bool WhatCalled(int h, int he, int ts, int te, CuePhrase phrase)
    {
        if (ts - he is < 1 or > 6)
        {
            return false;
        }

        for (var j = he; j < ts; j++)
        {
            if (!(IsWord(j) || IsClitic(j)) || Has(j, WordClass.Conjunction | WordClass.Preposition))
            {
                return false;
            }
        }

        var end = SentenceEnd(h);
        var k = te;
        while (k < end && k - te < 30)
        {
            _ws.Steps++;
            if (_ws.QuoteOpenAt[k] is var q and >= 0)
            {
                var quote = _doc.Quotes[q];
                k = Math.Min(end, Math.Max(k + 1, quote.FirstToken + quote.TokenCount));
                continue;
            }

            if (T[k].Kind == TokenKind.Punctuation || KeyIs(k, "and") || KeyIs(k, "or") || KeyIs(k, "but") || Has(k, WordClass.Relative) || KeyIs(k, "that"))
            {
                break;
            }

            k++;
        }

        if (!Span(te, k, out var c1, out var c2))
        {
            return false;
        }

        Emit(SplitCue(he, ts, h, he, ts, te, phrase, c1, c2));
        return true;
    }

    /// <summary>
    /// An attribution whose cue comes in two parts around the source (<c>cited</c> [source] <c>as saying</c>,
    /// <c>what</c> [source] <c>called</c>): the content [c1, c2) is indirect, or mixed when it quotes.
    /// </summary>
    private FoundAttribution SplitCue(int sourceStart, int sourceEnd, int cueStart, int cueEnd, int cue2Start, int cue2End, CuePhrase phrase, int c1, int c2) => new()
    {
        SourceStart = sourceStart,
        SourceEnd = sourceEnd,
        CueStart = cueStart,
        CueEnd = cueEnd,
        Cue2Start = cue2Start,
        Cue2End = cue2End,
        Lemma = phrase.Lemma,
        Stance = phrase.Stance,
        Content1Start = c1,
        Content1End = c2,
        Mode = ModeOf(c1, c2) == AttributionMode.Indirect ? AttributionMode.Indirect : AttributionMode.Mixed,
    };

    /// <summary><c>Foreign Ministry: Armenia continues ...</c>: a headline-style speaker before a colon at the start of a sentence.</summary>
    private void Colon(int t)
    {
        if (ColonQuotation(t))
        {
            return;
        }

        var first = SentenceFirst(t);
        if (t - first is < 1 or > 6 || !IsWord(first) || NotSpeakers.Contains(_doc.KeyOf(T[first]).ToString()))
        {
            return;
        }

        var capitalized = 0;
        var noun = false;
        for (var j = first; j < t; j++)
        {
            _ws.Steps++;
            if (IsClitic(j))
            {
                continue;
            }

            if (!IsWord(j) || IsVerbCue(j) || Has(j, WordClass.Auxiliary | WordClass.Conjunction | WordClass.Pronoun | WordClass.Time))
            {
                return;
            }

            var isNoun = NounAt(j) is not null;
            capitalized += IsCapitalized(j) ? 1 : 0;
            noun |= isNoun;

            // A speaker is a name or a source noun: no preposition but "of", no common word.
            if ((Has(j, WordClass.Preposition) && !KeyIs(j, "of")) || (!IsCapitalized(j) && !isNoun && !KeyIs(j, "of") && !Has(j, WordClass.Determiner)))
            {
                return;
            }
        }

        if (!noun && capitalized < 2)
        {
            return;
        }

        var from = t + 1;
        if (from >= SentenceEnd(t) || !Span(from, ContentBoundary(from), out var c1, out var c2))
        {
            return;
        }

        var found = new FoundAttribution
        {
            SourceStart = first,
            SourceEnd = t,
            CueStart = t,
            CueEnd = t + 1,
            Lemma = "colon",
            Stance = CueStance.Neutral,
            Content1Start = c1,
            Content1End = c2,
        };
        found.Mode = ModeOf(c1, c2);
        if (found.Mode == AttributionMode.Direct && _ws.QuoteOpenAt[from] is var q and >= 0)
        {
            found.Quote = q;
        }

        Emit(found);
    }

    /// <summary>
    /// <c>Her husband was more blunt: “...”</c>, <c>The minister put it simply: “...”</c>: a quotation right after a
    /// colon that ends a short clause whose subject is a person pronoun, a name or a source noun phrase is that
    /// subject's (cue <c>colon</c>). A reporting verb before the colon has already taken the quotation.
    /// </summary>
    private bool ColonQuotation(int t)
    {
        var q = t + 1 < _count ? _ws.QuoteOpenAt[t + 1] : -1;
        if (q < 0 || _ws.QuoteUsed[q] || (_doc.Quotes[q].Flags & (QuoteFlags.Short | QuoteFlags.Nested)) != 0 || _doc.Quotes[q].ContentLength == 0
            || InQuote(t) >= 0)
        {
            return false;
        }

        var b = SentenceFirst(t);
        int stop;
        if (KeyIs(b, "he") || KeyIs(b, "she") || KeyIs(b, "they"))
        {
            stop = b + 1;
        }
        else
        {
            if (!IsWord(b) || Has(b, WordClass.Pronoun | WordClass.Preposition | WordClass.Conjunction | WordClass.Relative | WordClass.Discourse | WordClass.Adverb))
            {
                return false;
            }

            stop = NounPhraseRight(b, t);
            var named = false;
            for (var j = b; j < stop && !named; j++)
            {
                named = (IsCapitalized(j) && j > b) || NounAt(j) is not null;
            }

            if (!named)
            {
                return false;
            }
        }

        // The subject is followed by its verb, with no quotation, cue or clause break before the colon.
        if (stop <= b || stop >= t || !IsWord(stop))
        {
            return false;
        }

        for (var j = stop; j < t; j++)
        {
            _ws.Steps++;
            if (!IsWord(j) && !IsClitic(j) || IsVerbCue(j))
            {
                return false;
            }
        }

        var found = new FoundAttribution
        {
            SourceStart = b,
            SourceEnd = stop,
            CueStart = t,
            CueEnd = t + 1,
            Lemma = "colon",
            Stance = CueStance.Neutral,
            Content1Start = _doc.Quotes[q].ContentStart,
            Content1End = QuotationEnd(q),
            Quote = q,
            Mode = AttributionMode.Direct,
        };
        Emit(found);
        return true;
    }
}
