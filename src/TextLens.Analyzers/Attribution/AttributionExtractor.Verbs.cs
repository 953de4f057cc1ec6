using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>Rules for reporting verbs: the source before or after the verb, the content after it, before it, or a quotation.</summary>
internal sealed partial class AttributionExtractor
{
    private void Verb(int t, int length, CueVerb verb, VerbForm form)
    {
        var e = t + length;

        // A capitalized verb inside a sentence is a name ("United States"), unless the sentence is a title-case headline.
        if (T[t].Has(TokenFlags.Capitalized) && !T[t].Has(TokenFlags.SentenceStart) && !IsTitleCase(t))
        {
            return;
        }

        // Noun and adjective uses: "the said agreement", "his claims", "Armenia's claims", "in reports", "to say".
        var prev = t - 1;
        if (prev >= 0 && SentenceOf(prev) == SentenceOf(t))
        {
            if ((Has(prev, WordClass.Determiner) && !IsPronominalDeterminer(prev)) || IsClitic(prev) || Has(prev, WordClass.Preposition))
            {
                return;
            }
        }

        // "reports have surfaced", "claims were made", "foreign states and": a noun followed by its verb or a conjunction.
        if (form is VerbForm.Base or VerbForm.ThirdPerson
            && ((IsWord(e) && (Has(e, WordClass.Auxiliary) || IsVerbCue(e, finiteOnly: true) || KeyIs(e, "and") || KeyIs(e, "or") || KeyIs(e, "of") || KeyIs(e, "who")))
                || IsClitic(e) || IsPunct(e, ')')))
        {
            return;
        }

        var p = t - 1;
        while (p >= 0 && t - p <= 3 && (Has(p, WordClass.Adverb) || IsAdverbLike(p)) && !Has(p, WordClass.Pronoun))
        {
            p--;
        }

        // A negated verb reports nothing unless a clause or quotation follows: "did not respond to a request for
        // comment", "would not say whether", but "never said that ...".
        if (IsNegation(p) && !(KeyIs(e, "that") || IsQuoteMark(e) || IsPunct(e, ':') || IsPunct(e, ',')))
        {
            return;
        }

        // Forms that are also nouns (reports, claims, states) need a real subject and a clause, name or quotation after.
        if (verb.AlsoNoun && form is VerbForm.Base or VerbForm.ThirdPerson && !((StrongSubjectEnd(p) || KeyIs(e, "that")) && LicensesVerb(e)))
        {
            return;
        }

        if (form == VerbForm.Past)
        {
            if (Has(p, WordClass.Be) && !IsCapitalized(p))
            {
                Passive(t, e, verb, p);
                return;
            }

            // A reduced relative: "data reported by the media", "photos shown by".
            if (KeyIs(e, "by") && !Has(p, WordClass.Have))
            {
                return;
            }
        }

        if (form == VerbForm.Ing && !Has(p, WordClass.Be))
        {
            if (IsPunct(t - 1, ',') || IsPunct(t - 1, '—') || IsPunct(t - 1, '–'))
            {
                Participle(t, e, verb);
            }

            return;
        }

        var hedged = false;
        if (LeftSource(t, out var ss, out var se, ref hedged))
        {
            if (!IsEvidenceWithoutSpeaker(verb, ss, se))
            {
                SourceBefore(t, e, verb, ss, se, hedged);
            }

            return;
        }

        var before = t - 1;
        var inverted = before < 0 || T[t].Has(TokenFlags.SentenceStart) || IsPunct(before, ',') || IsQuoteMark(before)
            || IsPunct(before, '—') || IsPunct(before, '–');
        if (inverted && RightSource(e, out ss, out se))
        {
            SourceAfter(t, e, verb, ss, se);
            return;
        }

        // A coordinated verb shares the clause's subject: "He announced ... and vowed to ...".
        if (KeyIs(p, "and") || KeyIs(p, "but") || KeyIs(p, "then"))
        {
            Participle(t, e, verb);
        }
    }

    private bool IsTopicPreposition(int i) => KeyIs(i, "of") || KeyIs(i, "about") || KeyIs(i, "on") || KeyIs(i, "against") || KeyIs(i, "over");

    /// <summary>Whether the token after <c>to</c> starts its object (a determiner, pronoun, name or number) rather than an infinitive.</summary>
    private bool TakesObject(int i) =>
        IsWord(i) && (Has(i, WordClass.Determiner | WordClass.Pronoun) || IsCapitalized(i) || T[i].Kind == TokenKind.Number);

    /// <summary>
    /// Evidence verbs (<c>show</c>, <c>suggest</c>, <c>indicate</c>, <c>predict</c>, <c>demonstrate</c>, <c>prove</c>)
    /// report speech only when someone speaks through them: "Smith suggested that ...", "the ministry's report
    /// shows ...", but not "the data suggest", "polls show", "it indicates" — a study or a number is not quoted.
    /// </summary>
    private bool IsEvidenceWithoutSpeaker(CueVerb verb, int ss, int se)
    {
        if (!EvidenceLemmas.Contains(verb.Lemma))
        {
            return false;
        }

        var head = se - 1;
        while (head > ss && !IsWord(head))
        {
            head--;
        }

        return EvidenceSubjects.Contains(_doc.KeyOf(T[head]).ToString());
    }

    private static readonly HashSet<string> EvidenceLemmas = new(StringComparer.Ordinal) { "show", "suggest", "indicate", "predict", "demonstrate", "prove" };

    /// <summary>Heads of subjects that are evidence, not speakers.</summary>
    private static readonly HashSet<string> EvidenceSubjects = new(StringComparer.Ordinal)
    {
        "it", "this", "that", "these", "those", "data", "study", "studies", "poll", "polls", "polling", "survey", "surveys", "research",
        "result", "results", "figure", "figures", "number", "numbers", "evidence", "statistics", "analysis", "analyses", "findings",
        "model", "models", "trend", "trends", "record", "records", "estimate", "estimates", "projection", "projections", "experience",
        "history", "chart", "map", "maps", "test", "tests",
    };

    /// <summary>Whether token <paramref name="i"/> negates the verb after it (<c>not</c>, <c>n't</c>, <c>never</c>, <c>didn't</c>, ...).</summary>
    private bool IsNegation(int i)
    {
        if ((uint)i >= (uint)_count || !(IsWord(i) || IsClitic(i)))
        {
            return false;
        }

        var key = _doc.KeyOf(T[i]);
        return key is "not" or "never" or "cannot" || key.EndsWith("n't", StringComparison.Ordinal) || key.EndsWith("n’t", StringComparison.Ordinal);
    }

    /// <summary>Whether token <paramref name="p"/> can end the subject of a verb whose forms are also nouns.</summary>
    private bool StrongSubjectEnd(int p) =>
        p >= 0 && (IsPunct(p, ',') || IsQuoteMark(p) || (Has(p, WordClass.Pronoun) && !Has(p, WordClass.Possessive))
            || (IsCapitalized(p) && !T[p].Has(TokenFlags.SentenceStart)) || NounEndsAt(p) || Has(p, WordClass.Auxiliary) || KeyIs(p, "and"));

    /// <summary>Whether the token after a verb whose forms are also nouns continues a verb (that, a pronoun, a name, a quotation, a tag end).</summary>
    private bool LicensesVerb(int e)
    {
        if (e >= _count)
        {
            return true;
        }

        if (IsQuoteMark(e) || IsSentenceFinal(e) || IsPunct(e, ',') || IsPunct(e, ':') || AdjunctAt(e) > 0)
        {
            return true;
        }

        return IsWord(e) && (KeyIs(e, "that") || (Has(e, WordClass.Pronoun | WordClass.Determiner) && !Has(e, WordClass.Relative))
            || (IsCapitalized(e) && !Has(e, WordClass.Time)) || T[e].Kind == TokenKind.Number);
    }

    private bool IsPronominalDeterminer(int i) =>
        !(KeyIs(i, "the") || KeyIs(i, "a") || KeyIs(i, "an") || KeyIs(i, "this") || KeyIs(i, "these") || KeyIs(i, "those")
            || KeyIs(i, "such") || KeyIs(i, "no") || KeyIs(i, "every") || KeyIs(i, "various") || Has(i, WordClass.Possessive));

    private FoundAttribution New(int t, int e, CueVerb verb) => new()
    {
        CueStart = t,
        CueEnd = e,
        Lemma = verb.Lemma,
        Stance = verb.Stance,
        Mode = AttributionMode.Indirect,
    };

    /// <summary><c>SOURCE said ...</c>, <c>“...,” SOURCE said</c>, <c>..., SOURCE said.</c></summary>
    private void SourceBefore(int t, int e, CueVerb verb, int ss, int se, bool hedged)
    {
        var found = New(t, e, verb);
        found.SourceStart = ss;
        found.SourceEnd = se;
        found.Hedged = hedged;
        var tail = ShortTail(e);

        // 1. A quotation right before the source: “...,” the ministry said.
        if (tail >= 0 && QuoteEndingAt(ss - 1, out var cs, out var ce, out var q))
        {
            Direct(ref found, cs, ce, q, tail);
            return;
        }

        // 2. A parenthetical after the content: Another mine had killed two civilians, it said.
        if (tail >= 0 && verb.RequiresContent != CueContentRequirement.Quote
            && (IsPunct(ss - 1, ',') || IsPunct(ss - 1, '—') || IsPunct(ss - 1, '–')) && T[ss - 1].Start > T[SentenceFirst(t)].Start
            && Span(SentenceFirst(t), ss - 1, out cs, out ce))
        {
            found.Content1Start = cs;
            found.Content1End = ce;
            found.Mode = ModeOf(cs, ce);
            if (found.Mode == AttributionMode.Direct)
            {
                found.Mode = AttributionMode.Mixed;
            }

            Emit(found);
            return;
        }

        // 3. The content after the verb: the ministry said (that) ..., the ministry said: “...”.
        if (ContentAfter(e, verb, ref found))
        {
            Emit(found);
            return;
        }

        // 4. Nothing after the verb: “...” Smith said.
        if (QuoteEndingAt(ss - 1, out cs, out ce, out q))
        {
            Direct(ref found, cs, ce, q, tail);
        }
    }

    /// <summary>Inverted: <c>“...,” said the ministry</c>, <c>..., said Smith.</c>, <c>Said the official: ...</c>.</summary>
    private void SourceAfter(int t, int e, CueVerb verb, int ss, int se)
    {
        se = AppositiveAfter(se);
        var found = New(t, e, verb);
        found.SourceStart = ss;
        found.SourceEnd = se;
        var tail = ShortTail(se);
        if (QuoteEndingAt(t - 1, out var cs, out var ce, out var q))
        {
            Direct(ref found, cs, ce, q, tail);
            return;
        }

        if (verb.RequiresContent != CueContentRequirement.Quote && (IsPunct(t - 1, ',') || IsPunct(t - 1, '—') || IsPunct(t - 1, '–'))
            && Span(SentenceFirst(t), t - 1, out cs, out ce))
        {
            found.Content1Start = cs;
            found.Content1End = ce;
            found.Mode = ModeOf(cs, ce) == AttributionMode.Indirect ? AttributionMode.Indirect : AttributionMode.Mixed;
            Emit(found);
            return;
        }

        if (T[t].Has(TokenFlags.SentenceStart) && ContentAfter(se, verb, ref found))
        {
            Emit(found);
        }
    }

    /// <summary>A direct quotation before the tag, with a second quotation after it when the speaker stands in the middle.</summary>
    private void Direct(ref FoundAttribution found, int start, int end, int quote, int tail)
    {
        found.Content1Start = start;
        found.Content1End = end;
        found.Quote = quote;
        found.Mode = AttributionMode.Direct;

        // “...,” he said, “...”: the second part continues the same quotation.
        if (tail >= 0 && tail + 1 < _count && (IsPunct(tail, ',') || IsPunct(tail, ':')) && _ws.QuoteOpenAt[tail + 1] is var q2 and >= 0)
        {
            var second = _doc.Quotes[q2];
            if (second.ContentLength > 0)
            {
                found.Content2Start = second.ContentStart;
                found.Content2End = second.ContentEnd;
                _ws.QuoteUsed[q2] = true;
            }
        }

        Emit(found);
    }

    /// <summary>
    /// The content after a verb (adjuncts, time phrases, a colon and an addressee skipped; <c>that</c> kept):
    /// up to the end of the sentence or of a quotation that starts it. False when there is none or the verb needs a
    /// clause or quotation that is not there.
    /// </summary>
    private bool ContentAfter(int e, CueVerb verb, ref FoundAttribution found)
    {
        var end = SentenceEnd(Math.Max(0, e - 1));
        var j = e;
        var colon = false;
        var addresseeSkipped = false;
        for (var guard = 0; j < end && guard < 24; guard++)
        {
            _ws.Steps++;
            if (AdjunctAt(j) is var adjunct and > 0)
            {
                j += adjunct;
                continue;
            }

            if (TimePhraseForward(j, end) is var after and > 0)
            {
                j = after;
                continue;
            }

            if (IsWord(j) && Has(j, WordClass.Adverb) && !Has(j, WordClass.Conjunction | WordClass.Time))
            {
                j++;
                continue;
            }

            if (IsPunct(j, ':'))
            {
                colon = true;
                j++;
                continue;
            }

            if (IsPunct(j, ','))
            {
                j++;
                continue;
            }

            if (IsPunct(j, '('))
            {
                var close = j + 1;
                while (close < end && close - j < 8 && !IsPunct(close, ')'))
                {
                    close++;
                }

                if (IsPunct(close, ')'))
                {
                    j = close + 1;
                    continue;
                }
            }

            if (verb.TakesAddressee && !addresseeSkipped && IsWord(j) && !KeyIs(j, "that"))
            {
                addresseeSkipped = true;
                var that = -1;
                for (var k = j + 1; k < Math.Min(end, j + 10) && that < 0; k++)
                {
                    _ws.Steps++;
                    if (KeyIs(k, "that"))
                    {
                        that = k;
                    }
                    else if (IsQuoteMark(k) || IsPunct(k, ':'))
                    {
                        break;
                    }
                }

                if (that >= 0)
                {
                    j = that;
                    break;
                }

                if (verb.Stance == CueStance.Neutral)
                {
                    var np = NounPhraseRight(j, end);
                    if (np > j)
                    {
                        j = np;
                        continue;
                    }
                }
            }

            break;
        }

        // "In the memo, Blake wrote:" and the quotation in the next paragraph.
        if (j >= end && !(colon && j == end && j < _count && _ws.QuoteOpenAt[j] >= 0))
        {
            return false;
        }

        // A prepositional phrase is no content ("reported along the line of contact", "responded to a request"),
        // unless a that-clause follows it ("said in 2019 that ..."); "of", "about", "on", "against" and "over" take a
        // topic ("warned of", "commented on"), and "to" before a verb is an infinitive ("vowed to cut").
        if (Has(j, WordClass.Preposition) && !IsTopicPreposition(j) && !(KeyIs(j, "to") && !TakesObject(j + 1)) && _ws.QuoteOpenAt[j] < 0)
        {
            var that = -1;
            for (var k = j + 1; k < Math.Min(end, j + 12) && that < 0; k++)
            {
                _ws.Steps++;
                if (KeyIs(k, "that"))
                {
                    that = k;
                }
                else if (IsQuoteMark(k) || IsPunct(k, ',') || IsPunct(k, ':'))
                {
                    break;
                }
            }

            if (that < 0)
            {
                return false;
            }

            j = that;
        }

        var startsQuote = _ws.QuoteOpenAt[j] >= 0;
        var clause = KeyIs(j, "that") || startsQuote || colon;
        if (verb.RequiresContent == CueContentRequirement.Quote && !startsQuote)
        {
            return false;
        }

        if (verb.RequiresContent == CueContentRequirement.Clause && !clause)
        {
            return false;
        }

        // A lone punctuation or a new quotation-tag clause is no content.
        if (!IsWord(j) && !startsQuote)
        {
            return false;
        }

        var boundary = ContentBoundary(j);
        if (!Span(j, boundary, out var cs, out var ce))
        {
            return false;
        }

        // A lone object pronoun is an addressee, not content ("nobody warned us.").
        if (Has(j, WordClass.Pronoun) && _doc.TokenIndexAt(ce - 1) == j)
        {
            return false;
        }

        found.Content1Start = cs;
        found.Content1End = ce;
        found.Mode = ModeOf(cs, ce);
        if (startsQuote && found.Mode == AttributionMode.Direct)
        {
            var quote = _doc.Quotes[_ws.QuoteOpenAt[j]];
            found.Quote = _ws.QuoteOpenAt[j];
            (found.Content1Start, found.Content1End) = (quote.ContentStart, QuotationEnd(_ws.QuoteOpenAt[j]));
        }
        else if (found.Mode == AttributionMode.Direct)
        {
            found.Mode = AttributionMode.Mixed;
        }

        return true;
    }

    /// <summary>A time phrase starting at <paramref name="j"/> (<c>on Wednesday</c>, <c>last week</c>, <c>on November 23</c>, <c>Tuesday</c>): the token after it, or 0.</summary>
    private int TimePhraseForward(int j, int end)
    {
        var k = j;
        if (KeyIs(k, "on") || KeyIs(k, "last") || KeyIs(k, "this") || KeyIs(k, "earlier") || KeyIs(k, "late") || KeyIs(k, "early") || KeyIs(k, "back"))
        {
            k++;
        }

        var sawTime = false;
        while (k < end && k - j < 6 && (Has(k, WordClass.Time) || (T[k].Kind == TokenKind.Number && sawTime) || KeyIs(k, "then")))
        {
            _ws.Steps++;
            sawTime = true;
            k++;
        }

        return sawTime ? k : 0;
    }

    /// <summary>A time phrase ending at <paramref name="i"/> (<c>on Monday</c>, <c>on November 23</c>): its first token, or -1.</summary>
    private int TimePhraseBackward(int i, int limit)
    {
        var j = i;
        var sawTime = false;
        while (j >= limit && i - j < 6 && (Has(j, WordClass.Time) || (T[j].Kind == TokenKind.Number && j > limit && Has(j - 1, WordClass.Time))))
        {
            _ws.Steps++;
            sawTime |= Has(j, WordClass.Time);
            j--;
        }

        if (!sawTime)
        {
            return -1;
        }

        if (j >= limit && (KeyIs(j, "on") || KeyIs(j, "last") || KeyIs(j, "this") || KeyIs(j, "earlier") || KeyIs(j, "late") || KeyIs(j, "early")
            || KeyIs(j, "a") || KeyIs(j, "an") || KeyIs(j, "one") || Has(j, WordClass.NumberWord) || T[j].Kind == TokenKind.Number))
        {
            return j;
        }

        return IsCapitalized(j) ? -1 : j + 1;
    }

    /// <summary>
    /// The end (exclusive) of a short tail after a cue — adjunct words only, at most <see cref="MaxTailWords"/> words,
    /// no verb, no <c>that</c>, no subject pronoun — ending at a comma or the sentence end; -1 when the tail is a clause.
    /// </summary>
    private int ShortTail(int e)
    {
        var sentenceEnd = SentenceEnd(Math.Max(0, e - 1));
        var end = Math.Min(sentenceEnd, e + MaxScan);
        var words = 0;
        for (var j = e; j < end; j++)
        {
            _ws.Steps++;
            var token = T[j];
            if (token.Kind == TokenKind.Punctuation)
            {
                var c = _text[token.Start];
                if (c is ',' or ';' or '—' or '–' || IsSentenceFinal(j))
                {
                    return j;
                }

                if (c == ':')
                {
                    return -1;
                }

                continue;
            }

            if (token.Kind == TokenKind.QuoteMark)
            {
                return -1;
            }

            if (!token.IsWordLike)
            {
                continue;
            }

            if (++words > MaxTailWords || Has(j, WordClass.Be | WordClass.Auxiliary | WordClass.Have) || KeyIs(j, "that")
                || (Has(j, WordClass.Pronoun) && !(KeyIs(j, "him") || KeyIs(j, "them") || KeyIs(j, "us") || KeyIs(j, "me") || KeyIs(j, "you")))
                || IsVerbCue(j, finiteOnly: true))
            {
                return -1;
            }
        }

        return end == sentenceEnd ? end : -1;
    }

    /// <summary>
    /// The source before a verb: skips adverbs, auxiliaries, hedges, time phrases and adjuncts (at most
    /// <see cref="AttributionOptions.MaxSourceDistanceTokens"/>), then takes the noun phrase (or pronoun) that ends there,
    /// with an appositive or relative clause between commas when there is one.
    /// </summary>
    private bool LeftSource(int t, out int ss, out int se, ref bool hedged)
    {
        ss = se = -1;
        var limit = SentenceFirst(t);
        var i = t - 1;
        var skipped = 0;
        var parenthesisEnd = -1;

        // "Rep. Gwen Moore (D-Wis.) said": a parenthesis after a name is part of the source (the abbreviation's period
        // may have ended a sentence inside it).
        if (i >= 0 && i < limit && IsPunct(i, ')'))
        {
            limit = SentenceFirst(i);
        }

        while (i >= limit && skipped <= _options.MaxSourceDistanceTokens)
        {
            _ws.Steps++;
            if (IsPunct(i, ')') && parenthesisEnd < 0 && OpeningParenthesis(i, SentenceFirst(Math.Max(0, limit - 1))) is var open and > 0 && IsCapitalized(open - 1))
            {
                parenthesisEnd = i + 1;
                limit = Math.Min(limit, SentenceFirst(open));
                i = open - 1;
                continue;
            }

            if (!IsWord(i))
            {
                break;
            }

            if (IsHedgeAt(i))
            {
                hedged = true;
                i--;
                skipped++;
                continue;
            }

            if ((Has(i, WordClass.Adverb | WordClass.Auxiliary) || IsAdverbLike(i)) && !Has(i, WordClass.Pronoun | WordClass.Determiner)
                && (!IsCapitalized(i) || T[i].Has(TokenFlags.SentenceStart) || !Has(i, WordClass.Time)))
            {
                i--;
                skipped++;
                continue;
            }

            // A time phrase between a name or source noun and its verb: "Baku on Monday demanded".
            if (TimePhraseBackward(i, limit) is var time and >= 0 && time > limit
                && (IsCapitalized(time - 1) || NounEndsAt(time - 1) || Has(time - 1, WordClass.Pronoun)))
            {
                skipped += i - time + 1;
                i = time - 1;
                continue;
            }

            // "the ministry, in a statement, said" / "Smith at a news conference said"; not "posts on Twitter".
            var adjunct = -1;
            for (var j = i - 1; j >= Math.Max(limit, i - 5) && adjunct < 0; j--)
            {
                if (AdjunctAt(j) is var len and > 0 && j + len - 1 == i && !KeyIs(j, "on"))
                {
                    adjunct = j;
                }
            }

            if (adjunct >= 0)
            {
                skipped += i - adjunct + 1;
                i = adjunct - 1;
                continue;
            }

            break;
        }

        if (i < limit || skipped > _options.MaxSourceDistanceTokens)
        {
            return false;
        }

        if (IsPunct(i, ','))
        {
            return Appositive(i, limit, out ss, out se);
        }

        if (!IsWord(i))
        {
            return false;
        }

        // Nobody is no source: "nobody warned us", "no one told them".
        if (KeyIs(i, "nobody") || (KeyIs(i, "one") && KeyIs(i - 1, "no") && i - 1 >= limit))
        {
            return false;
        }

        if (Has(i, WordClass.Pronoun))
        {
            if (KeyIs(i, "him") || KeyIs(i, "them") || KeyIs(i, "us") || KeyIs(i, "me"))
            {
                return false;
            }

            (ss, se) = (i, i + 1);
            return true;
        }

        if (Has(i, WordClass.Preposition | WordClass.Conjunction | WordClass.Auxiliary | WordClass.Discourse | WordClass.Possessive)
            || (Has(i, WordClass.Determiner) && !IsPronominalDeterminer(i)) || IsVerbCue(i) || IsHedgeAt(i))
        {
            return false;
        }

        if (Has(i, WordClass.Time) && !IsCapitalized(i))
        {
            return false;
        }

        ss = NounPhraseLeft(i, limit);
        se = parenthesisEnd > i ? parenthesisEnd : i + 1;
        return ss >= 0;
    }

    /// <summary>The opening parenthesis of the one closing at <paramref name="close"/>, at most eight tokens back and not before <paramref name="limit"/>; -1 when none.</summary>
    private int OpeningParenthesis(int close, int limit)
    {
        for (var k = close - 1; k >= limit && close - k <= 8; k--)
        {
            _ws.Steps++;
            if (IsPunct(k, '('))
            {
                return k;
            }

            if (IsPunct(k, ')') || IsQuoteMark(k))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The closing parenthesis of the one opening at <paramref name="open"/>, at most eight tokens on and before <paramref name="end"/>; -1 when none.</summary>
    private int ClosingParenthesis(int open, int end)
    {
        for (var k = open + 1; k < end && k - open <= 8; k++)
        {
            _ws.Steps++;
            if (IsPunct(k, ')'))
            {
                return k;
            }

            if (IsPunct(k, '(') || IsQuoteMark(k))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// <c>Smith, a spokesman for the ministry, said</c> / <c>the official, who ..., said</c>: the head noun phrase with
    /// what stands between the commas (PolNeAR's convention), when the head is a name, a source noun, a number or a
    /// pronoun or the bracket is a relative clause.
    /// </summary>
    private bool Appositive(int comma, int limit, out int ss, out int se)
    {
        ss = se = -1;
        var k = comma - 1;
        while (k >= limit && comma - k <= MaxAppositiveTokens)
        {
            _ws.Steps++;
            if (IsPunct(k, ','))
            {
                break;
            }

            if (IsQuoteMark(k) || IsSentenceFinal(k) || IsPunct(k, ':') || IsPunct(k, ';'))
            {
                return false;
            }

            k--;
        }

        if (k < limit || !IsPunct(k, ',') || k + 1 >= comma || k - 1 < limit)
        {
            return false;
        }

        var b = k + 1;
        if (!IsWord(b) || IsParticipleCue(b) || Has(b, WordClass.Be | WordClass.Auxiliary | WordClass.Conjunction | WordClass.Preposition | WordClass.Adverb)
            && !KeyIs(b, "who") && !KeyIs(b, "of"))
        {
            return false;
        }

        var headEnd = k - 1;
        if (!IsWord(headEnd))
        {
            return false;
        }

        var relative = Has(b, WordClass.Relative);
        var strongHead = IsCapitalized(headEnd) || NounEndsAt(headEnd) || T[headEnd].Kind == TokenKind.Number || Has(headEnd, WordClass.Pronoun)
            || IsName(b, comma);
        if (!relative && !strongHead)
        {
            return false;
        }

        if (Has(headEnd, WordClass.Preposition | WordClass.Conjunction | WordClass.Auxiliary) || IsVerbCue(headEnd))
        {
            return false;
        }

        var hs = Has(headEnd, WordClass.Pronoun) ? headEnd : NounPhraseLeft(headEnd, limit);
        if (hs < 0)
        {
            return false;
        }

        var before = hs - 1;
        if (before >= limit && !(IsQuoteMark(before) || IsPunct(before, ',') || Has(before, WordClass.Conjunction) || IsPunct(before, '—')))
        {
            return false;
        }

        (ss, se) = (hs, comma);
        return true;
    }

    /// <summary>Whether the tokens [from, to) are a name: capitalized words (with name particles such as <c>de</c>, <c>van</c>), at most six.</summary>
    private bool IsName(int from, int to)
    {
        if (to - from is < 1 or > 6 || !IsCapitalized(from))
        {
            return false;
        }

        for (var j = from; j < to; j++)
        {
            if (!(IsCapitalized(j) && !Has(j, WordClass.Time | WordClass.Pronoun | WordClass.Determiner)) && !IsNameParticle(j) && !(IsPunct(j, '.') && IsCapitalized(j - 1)))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNameParticle(int i) =>
        KeyIs(i, "de") || KeyIs(i, "van") || KeyIs(i, "von") || KeyIs(i, "der") || KeyIs(i, "da") || KeyIs(i, "du") || KeyIs(i, "al") || KeyIs(i, "bin") || KeyIs(i, "la") || KeyIs(i, "le");

    /// <summary>
    /// <c>said Smith, a spokesman for the ministry.</c>: the end of an appositive or relative clause after a source that
    /// ends at <paramref name="se"/> (PolNeAR includes them in the source), or <paramref name="se"/> when there is none.
    /// </summary>
    private int AppositiveAfter(int se)
    {
        var end = SentenceEnd(Math.Max(0, se - 1));
        var stop = se;
        while (IsPunct(stop, ',') && stop + 1 < end)
        {
            var b = stop + 1;
            var relative = Has(b, WordClass.Relative);
            var age = T[b].Kind == TokenKind.Number && stop == se && IsPunct(b + 1, ',');
            if (!(IsWord(b) && ((Has(b, WordClass.Determiner) && !Has(b, WordClass.Possessive)) || relative || age))
                || IsParticipleCue(b) || IsAccordingTo(b))
            {
                break;
            }

            var k = b;
            var clause = false;
            while (k < end && k - se < 40 && !IsPunct(k, ',') && !IsSentenceFinal(k) && !IsQuoteMark(k) && !IsPunct(k, ';') && !IsPunct(k, ':'))
            {
                _ws.Steps++;
                clause |= Has(k, WordClass.Auxiliary | WordClass.Be | WordClass.Have) || IsVerbCue(k, finiteOnly: true);
                k++;
            }

            if ((clause && !relative) || k - se >= 40 || IsQuoteMark(k) || IsPunct(k, ':'))
            {
                break;
            }

            stop = k;
        }

        return stop;
    }

    /// <summary>The start of the noun phrase that ends at token <paramref name="end"/>.</summary>
    private int NounPhraseLeft(int end, int limit)
    {
        var start = end;
        var j = end - 1;
        var max = _options.MaxSourceTokens;
        while (j >= limit && end - j < max)
        {
            _ws.Steps++;
            if (IsClitic(j))
            {
                if (IsWord(j - 1) && j - 1 >= limit)
                {
                    start = j - 1;
                    j -= 2;
                    continue;
                }

                break;
            }

            if (!IsWord(j))
            {
                break;
            }

            if (Has(j, WordClass.Determiner))
            {
                start = j;

                // "the information of the Ministry", "a spokesman for the army": continue through the preposition.
                if (j - 1 > limit && Has(j - 1, WordClass.Preposition) && PrepositionInNounPhrase(j - 1, start, limit))
                {
                    start = j - 2;
                    j -= 3;
                    continue;
                }

                break;
            }

            if (Has(j, WordClass.Preposition))
            {
                if (PrepositionInNounPhrase(j, start, limit))
                {
                    start = j - 1;
                    j -= 2;
                    continue;
                }

                break;
            }

            if (KeyIs(j, "and") && IsCapitalized(j - 1) && IsCapitalized(start) && j - 1 >= limit)
            {
                start = j - 1;
                j -= 2;
                continue;
            }

            if (Has(j, WordClass.Conjunction | WordClass.Auxiliary | WordClass.Pronoun | WordClass.Relative | WordClass.Discourse)
                || (Has(j, WordClass.Adverb) && !IsCapitalized(j)) || (Has(j, WordClass.Time) && !IsCapitalized(j)))
            {
                break;
            }

            if (IsVerbCue(j) || IsHedgeAt(j) || IsAdverbLike(j))
            {
                break;
            }

            start = j;
            j--;
        }

        return start;
    }

    /// <summary>
    /// Whether the preposition at <paramref name="p"/> joins the noun phrase [<paramref name="p"/> + 1, ...) to the word before it:
    /// <c>of</c> always (<c>Ministry of Defense</c>); <c>for</c>, <c>at</c>, <c>from</c>, <c>with</c> after a source noun
    /// (<c>spokesman for</c>, <c>source familiar with</c>); <c>on</c>, <c>in</c>, <c>by</c>, <c>from</c> after a participle when
    /// a name or source noun follows (<c>videos circulated on Telegram</c>).
    /// </summary>
    private bool PrepositionInNounPhrase(int p, int start, int limit)
    {
        var before = p - 1;
        if (before < limit || !IsWord(before) || Has(before, WordClass.Preposition | WordClass.Conjunction | WordClass.Auxiliary | WordClass.Pronoun | WordClass.Determiner))
        {
            return false;
        }

        if (KeyIs(p, "of") || NounEndsAt(p))
        {
            return true;
        }

        if ((KeyIs(p, "for") || KeyIs(p, "at") || KeyIs(p, "from") || KeyIs(p, "with")) && NounEndsAt(before))
        {
            return true;
        }

        if (KeyIs(p, "on") || KeyIs(p, "in") || KeyIs(p, "by") || KeyIs(p, "from"))
        {
            var key = _doc.KeyOf(T[before]);
            if (key.Length > 3 && key.EndsWith("ed") && !IsCapitalized(before))
            {
                for (var k = p + 1; k < Math.Min(_count, p + 6); k++)
                {
                    if (k >= start && (IsCapitalized(k) || NounAt(k) is not null))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The end (exclusive) of a noun phrase starting at <paramref name="b"/>, at most up to <paramref name="end"/>.</summary>
    private int NounPhraseRight(int b, int end)
    {
        var j = b;
        var max = _options.MaxSourceTokens;
        while (j < end && j - b < max)
        {
            _ws.Steps++;
            if (IsClitic(j) && j > b)
            {
                j++;
                continue;
            }

            if (!IsWord(j))
            {
                break;
            }

            if (NounAt(j) is { Length: > 1 } noun && j + noun.Length <= end)
            {
                j += noun.Length;
                continue;
            }

            if (Has(j, WordClass.Determiner))
            {
                if (j != b && !KeyIs(j - 1, "of") && !Has(j - 1, WordClass.Preposition))
                {
                    break;
                }

                j++;
                continue;
            }

            if (Has(j, WordClass.Preposition))
            {
                var ofName = KeyIs(j, "of");
                var governed = (KeyIs(j, "for") || KeyIs(j, "at") || KeyIs(j, "from") || KeyIs(j, "with")) && NounEndsAt(j - 1);
                if (j > b && (ofName || governed) && IsWord(j + 1) && j + 1 < end)
                {
                    j++;
                    continue;
                }

                break;
            }

            if ((KeyIs(j, "and") || KeyIs(j, "or")) && j > b && j + 1 < end && (Has(j + 1, WordClass.Determiner) && !Has(j + 1, WordClass.Possessive) || IsCapitalized(j + 1) || NounAt(j + 1) is not null))
            {
                j++;
                continue;
            }

            var capitalizedName = IsCapitalized(j) && !T[j].Has(TokenFlags.SentenceStart);
            if ((Has(j, WordClass.Conjunction | WordClass.Auxiliary | WordClass.Adverb | WordClass.Relative | WordClass.Time | WordClass.Discourse) && !capitalizedName)
                || (Has(j, WordClass.Pronoun) && j != b))
            {
                break;
            }

            if (IsVerbCue(j) || IsHedgeAt(j) || IsAdverbLike(j))
            {
                break;
            }

            j++;
        }

        // Never end on a preposition or determiner.
        while (j > b && (Has(j - 1, WordClass.Preposition) || (Has(j - 1, WordClass.Determiner) && !IsPronominalDeterminer(j - 1))))
        {
            j--;
        }

        return j;
    }

    private bool IsAdverbLike(int i)
    {
        if (!IsWord(i) || IsCapitalized(i))
        {
            return false;
        }

        var key = _doc.KeyOf(T[i]);
        return key.Length > 4 && key.EndsWith("ly") && !key.EndsWith("ply") && NounAt(i) is null;
    }

    /// <summary>The source after an inverted verb: a subject pronoun or a noun phrase starting with a determiner, a name, a title or a source noun.</summary>
    private bool RightSource(int e, out int ss, out int se)
    {
        ss = se = -1;
        var end = SentenceEnd(Math.Max(0, e - 1));
        if (e >= end || !IsWord(e))
        {
            return false;
        }

        if (Has(e, WordClass.Pronoun))
        {
            if (Has(e, WordClass.Relative) || KeyIs(e, "him") || KeyIs(e, "them") || KeyIs(e, "us") || KeyIs(e, "me") || KeyIs(e, "you"))
            {
                return false;
            }

            (ss, se) = (e, e + 1);
            return true;
        }

        if (!(Has(e, WordClass.Determiner | WordClass.Honorific) || IsCapitalized(e) || NounAt(e) is not null) || Has(e, WordClass.Possessive))
        {
            return false;
        }

        var stop = NounPhraseRight(e, end);
        if (stop <= e || (stop == e + 1 && Has(e, WordClass.Determiner)))
        {
            return false;
        }

        // "said Rep. Elijah Cummings (D-Md.)".
        if (IsPunct(stop, '(') && IsCapitalized(stop - 1) && ClosingParenthesis(stop, end) is var close and > 0)
        {
            stop = close + 1;
        }

        (ss, se) = (e, stop);
        return true;
    }

    /// <summary><c>..., adding it was using ...</c>: the source of the clause's attribution, or the sentence's subject.</summary>
    private void Participle(int t, int e, CueVerb verb)
    {
        var found = New(t, e, verb);
        var sentence = SentenceOf(t);
        for (var i = Found.Count - 1; i >= 0 && i >= Found.Count - 4; i--)
        {
            var previous = Found[i];
            if (previous.HasSource && previous.CueStart < t && SentenceOf(previous.CueStart) == sentence && !previous.Dropped)
            {
                found.SourceStart = previous.SourceStart;
                found.SourceEnd = previous.SourceEnd;
                found.SourceOf = i;
                break;
            }
        }

        if (!found.HasSource)
        {
            var b = SentenceFirst(t);
            if (!(IsWord(b) && (Has(b, WordClass.Determiner) || IsCapitalized(b) || Has(b, WordClass.Pronoun) || NounAt(b) is not null))
                || Has(b, WordClass.Relative | WordClass.Discourse | WordClass.Conjunction | WordClass.Preposition))
            {
                return;
            }

            int stop;
            if (Has(b, WordClass.Pronoun))
            {
                stop = b + 1;
            }
            else
            {
                stop = NounPhraseRight(b, t);
            }

            if (stop <= b || stop >= t || !IsWord(stop))
            {
                return;
            }

            found.SourceStart = b;
            found.SourceEnd = stop;
        }

        if (ContentAfter(e, verb, ref found))
        {
            Emit(found);
        }
    }

    /// <summary>
    /// A passive reporting verb: with <c>by</c> the agent is the source; without one, an agentless attribution
    /// (<c>it was reported that ...</c>, <c>27 citizens were reported to have ...</c>).
    /// </summary>
    private void Passive(int t, int e, CueVerb verb, int be)
    {
        var end = SentenceEnd(t);
        var subject = be - 1;
        while (subject >= 0 && (Has(subject, WordClass.Have) || Has(subject, WordClass.Adverb) || (Has(subject, WordClass.Auxiliary) && !Has(subject, WordClass.Be))) && !Has(subject, WordClass.Pronoun))
        {
            subject--;
        }

        var limit = SentenceFirst(t);
        if (KeyIs(e, "by"))
        {
            if (!RightSource(e + 1, out var ss, out var se))
            {
                return;
            }

            var found = New(t, e, verb);
            found.SourceStart = ss;
            found.SourceEnd = se;
            if (KeyIs(subject, "it") && subject >= limit)
            {
                var from = KeyIs(se, "that") ? se : se;
                if (!Span(from, ContentBoundary(from), out var c1, out var c2))
                {
                    return;
                }

                (found.Content1Start, found.Content1End) = (c1, c2);
            }
            else if (subject >= limit && IsWord(subject) && !Has(subject, WordClass.Preposition | WordClass.Conjunction))
            {
                var ns = NounPhraseLeft(subject, limit);
                if (!Span(ns, subject + 1, out var c1, out var c2))
                {
                    return;
                }

                (found.Content1Start, found.Content1End) = (c1, c2);
            }
            else
            {
                return;
            }

            found.Mode = ModeOf(found.Content1Start, found.Content1End) == AttributionMode.Indirect ? AttributionMode.Indirect : AttributionMode.Mixed;
            Emit(found);
            return;
        }

        if (!verb.AgentlessPassive || subject < limit)
        {
            return;
        }

        var agentless = New(be, e, verb);
        agentless.Mode = AttributionMode.Agentless;
        agentless.Hedged = true;
        if (KeyIs(subject, "it"))
        {
            agentless.CueStart = subject;
            if (!Span(e, ContentBoundary(e), out var c1, out var c2) || !(KeyIs(e, "that") || IsWord(e)))
            {
                return;
            }

            (agentless.Content1Start, agentless.Content1End) = (c1, c2);
            Emit(agentless);
            return;
        }

        if (!IsWord(subject) || Has(subject, WordClass.Preposition | WordClass.Conjunction | WordClass.Relative) || IsVerbCue(subject))
        {
            return;
        }

        if (!(KeyIs(e, "to") || KeyIs(e, "that") || KeyIs(e, "of") || KeyIs(e, "for") || KeyIs(e, "as")))
        {
            return;
        }

        var subjectStart = Has(subject, WordClass.Pronoun) ? subject : NounPhraseLeft(subject, limit);
        if (!Span(subjectStart, subject + 1, out var s1, out var s2) || !Span(e, ContentBoundary(e), out var r1, out var r2))
        {
            return;
        }

        (agentless.Content1Start, agentless.Content1End, agentless.Content2Start, agentless.Content2End) = (s1, s2, r1, r2);
        _ = end;
        Emit(agentless);
    }
}
