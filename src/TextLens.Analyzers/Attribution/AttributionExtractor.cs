using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Finds the attributions of one document: classifies every token once through the <see cref="ICueMatcher"/>, then
/// applies the construction rules at each cue (reporting verbs in <c>AttributionExtractor.Verbs.cs</c>, non-verb
/// cues in <c>AttributionExtractor.Phrases.cs</c>), continues quotations and marks nested attributions. Every rule
/// looks at a bounded number of tokens around its cue (or uses the sentence and quotation tables directly), so the
/// work is linear in the document's length. One instance per document; not thread-safe.
/// </summary>
internal sealed partial class AttributionExtractor
{
    /// <summary>Tokens a gapped cue may span (<c>cited ... as saying</c>).</summary>
    private const int MaxGapTokens = 14;

    /// <summary>Words after a cue that still make a short tail (<c>said in a statement on Wednesday.</c>).</summary>
    private const int MaxTailWords = 8;

    /// <summary>Tokens any local scan looks at, at most (keeps the work linear on pathological input).</summary>
    private const int MaxScan = 64;

    /// <summary>Tokens a content is searched for a following clause of its own (<c>, adding ...</c>); past that the sentence end is taken.</summary>
    private const int MaxContentScan = 400;

    /// <summary>Tokens an appositive between a source and its verb may span.</summary>
    private const int MaxAppositiveTokens = 30;

    private readonly CueTable _table;
    private readonly AttributionOptions _options;
    private readonly AttributionWorkspace _ws;
    private readonly ParsedDocument _doc;
    private readonly string _text;
    private readonly int _count;
    private int _unclosedCursor;
    private int _sentence;
    private int _lastUnclosed = -1;

    public AttributionExtractor(CueTable table, ICueMatcher matcher, AttributionOptions options, ParsedDocument document, AttributionWorkspace workspace)
    {
        _table = table;
        _options = options;
        _doc = document;
        _ws = workspace;
        _text = document.Text;
        _count = document.Tokens.Length;
        workspace.Prepare(_count, document.Quotes.Length);
        matcher.Match(document, _ws.Single.AsSpan(0, _count), _ws.Longest.AsSpan(0, _count), _ws.LongestLength.AsSpan(0, _count), _ws.Starts);
        Classify();
    }

    private ReadOnlySpan<Token> T => _doc.Tokens;

    private List<FoundAttribution> Found => _ws.Found;

    /// <summary>Runs every rule; the attributions are left in the workspace.</summary>
    public void Extract()
    {
        // The rules run where the matcher found a group, and at a colon near the start of a sentence (a headline
        // speaker, found by one vectorized search of the text): the work is proportional to the matches.
        var starts = _ws.Starts;
        var colon = NextColon(0);
        foreach (var t in starts)
        {
            while (colon >= 0 && colon < t)
            {
                Colon(colon);
                colon = NextColon(colon + 1);
            }

            _ws.Steps++;
            if (_ws.Consumed[t])
            {
                continue;
            }

            if (!Phrase(t, _ws.Longest[t], _ws.LongestLength[t]) && _ws.LongestLength[t] > 1)
            {
                Phrase(t, _ws.Single[t], 1);
            }
        }

        for (; colon >= 0; colon = NextColon(colon + 1))
        {
            Colon(colon);
        }

        DropNarrationInsideQuotations();
        if (_options.ContinueQuotations)
        {
            ContinueQuotations();
        }

        MarkNested();
    }

    /// <summary>The next colon token at or after token <paramref name="from"/> that stands among the first eight tokens of its sentence, or -1.</summary>
    private int NextColon(int from)
    {
        while (from < _count)
        {
            var at = _text.AsSpan(T[from].Start).IndexOf(':');
            if (at < 0)
            {
                return -1;
            }

            var t = _doc.TokenIndexAt(T[from].Start + at);
            _ws.Steps++;
            if (t >= _count)
            {
                return -1;
            }

            if (T[t].Kind == TokenKind.Punctuation && T[t].Start == T[from].Start + at && t - SentenceFirst(t) is >= 1 and < 8)
            {
                return t;
            }

            from = t + 1;
        }

        return -1;
    }

    /// <summary>Dispatches a matched group to its rule; returns whether a cue rule took it.</summary>
    private bool Phrase(int t, int group, int length)
    {
        if (group < 0)
        {
            return false;
        }

        // Phrases first, then gapped cues, then verbs.
        var entries = _table.Entries(group);
        var gapped = false;
        var verb = -1;
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case CueEntryKind.Phrase:
                    var phrase = _table.Phrases[entry.Index];
                    switch (phrase.Kind)
                    {
                        case CuePhraseKind.AccordingTo:
                            AccordingTo(t, length, phrase);
                            return true;
                        case CuePhraseKind.Agentless:
                            AgentlessPhrase(t, length, phrase);
                            return true;
                        case CuePhraseKind.Hedge:
                            Hedge(t, length, phrase);
                            return true;
                    }

                    break;
                case CueEntryKind.GapHead:
                    gapped = true;
                    break;
                case CueEntryKind.Verb when verb < 0:
                    verb = entries.IndexOf(entry);
                    break;
            }
        }

        if (gapped && Gapped(t, length, entries))
        {
            return true;
        }

        if (verb >= 0)
        {
            Verb(t, length, _table.Verbs[entries[verb].Index], entries[verb].Form);
            return true;
        }

        return false;
    }

    private void Classify()
    {
        var tokens = T;
        var ws = _ws;
        var n = tokens.Length;

        // Quotation marks, and each quotation's enclosing one (quotations come ordered by start, nested ones after
        // their container): one pass over the quotations with a stack.
        var quotes = _doc.Quotes;
        var stack = ws.QuoteStack;
        for (var q = 0; q < quotes.Length; q++)
        {
            ws.Steps++;
            var quote = quotes[q];
            if (quote.FirstToken >= 0 && quote.FirstToken < n)
            {
                ws.QuoteOpenAt[quote.FirstToken] = q;
                ws.QuoteMarks.Add(quote.FirstToken);
                var close = quote.FirstToken + quote.TokenCount - 1;
                if ((quote.Flags & QuoteFlags.Unclosed) == 0 && close > quote.FirstToken && close < n && tokens[close].Kind == TokenKind.QuoteMark)
                {
                    ws.QuoteCloseAt[close] = q;
                    ws.QuoteMarks.Add(close);
                }
            }

            while (stack.Count > 0 && quotes[stack[^1]].ContentEnd <= quote.Start)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            ws.QuoteParent[q] = stack.Count > 0 && quotes[stack[^1]].ContentEnd >= quote.End ? stack[^1] : -1;
            if (quote.ContentLength > 0)
            {
                stack.Add(q);
            }
        }
    }

    /// <summary>The innermost quotation whose content holds token <paramref name="i"/>, or -1 (a few enclosing levels at most).</summary>
    private int InQuote(int i)
    {
        i = Math.Clamp(i, 0, _count - 1);
        var at = T[i].Start;
        var quotes = _doc.Quotes;
        var q = FirstQuoteAtOrAfter(at + 1) - 1;
        for (var depth = 0; q >= 0 && depth < 8; depth++)
        {
            _ws.Steps++;
            if (quotes[q].ContainsContent(at))
            {
                return q;
            }

            q = _ws.QuoteParent[q];
        }

        return -1;
    }

    // ---- token tests -------------------------------------------------------------------------------------------

    private bool IsWord(int i) => (uint)i < (uint)_count && T[i].Kind is TokenKind.Word or TokenKind.Number;

    private bool IsPunct(int i, char c) => (uint)i < (uint)_count && T[i].Kind == TokenKind.Punctuation && _text[T[i].Start] == c;

    private bool IsQuoteMark(int i) => (uint)i < (uint)_count && T[i].Kind == TokenKind.QuoteMark;

    private bool IsClitic(int i) => (uint)i < (uint)_count && T[i].Kind == TokenKind.Clitic;

    private bool Has(int i, WordClass c) => (uint)i < (uint)_count && (ClassesOf(i) & c) != 0;

    /// <summary>The function-word classes of a token, looked up on first use.</summary>
    private WordClass ClassesOf(int i)
    {
        var cls = _ws.Classes[i];
        if (cls == WordClass.None)
        {
            ref readonly var token = ref T[i];
            cls = WordClass.Computed;
            if (token.Kind is TokenKind.Word or TokenKind.Clitic)
            {
                cls |= FunctionWords.Of(_doc.KeyOf(token), token.KeyHash);
            }

            _ws.Classes[i] = cls;
            _ws.ClassTouched.Add(i);
        }

        return cls;
    }

    private bool KeyIs(int i, string key) => (uint)i < (uint)_count && _doc.KeyOf(T[i]).SequenceEqual(key);

    private bool IsCapitalized(int i) => IsWord(i) && T[i].Has(TokenFlags.Capitalized);

    private bool IsSentenceFinal(int i) =>
        (uint)i < (uint)_count && T[i].Kind == TokenKind.Punctuation && _text[T[i].Start] is '.' or '!' or '?' or '…';

    /// <summary>The sentence of a token: the last one looked up when it holds the token (rules look near one place), else a binary search.</summary>
    private int SentenceOf(int i)
    {
        i = Math.Clamp(i, 0, _count - 1);
        var sentences = _doc.Sentences;
        if (_sentence < sentences.Length)
        {
            var cached = sentences[_sentence];
            if (i >= cached.FirstToken && i < cached.FirstToken + cached.TokenCount)
            {
                return _sentence;
            }
        }

        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (sentences[mid].FirstToken <= i)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        _sentence = lo;
        return lo;
    }

    private int SentenceFirst(int i) => _doc.Sentences[SentenceOf(i)].FirstToken;

    private int SentenceEnd(int i)
    {
        var s = _doc.Sentences[SentenceOf(i)];
        return Math.Min(_count, s.FirstToken + s.TokenCount);
    }

    /// <summary>Whether the token is a form of a reporting verb.</summary>
    private bool IsVerbCue(int i, bool finiteOnly = false)
    {
        if ((uint)i >= (uint)_count)
        {
            return false;
        }

        foreach (var e in _table.Entries(_ws.Single[i]))
        {
            if (e.Kind == CueEntryKind.Verb && (!finiteOnly || e.Form is VerbForm.Past or VerbForm.ThirdPerson))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The source noun starting at a token (longest first), or null.</summary>
    private (SourceNoun Noun, int Length, bool Plural)? NounAt(int i)
    {
        if ((uint)i >= (uint)_count)
        {
            return null;
        }

        foreach (var e in _table.Entries(_ws.Longest[i]))
        {
            if (e.Kind == CueEntryKind.SourceNoun)
            {
                return (_table.Nouns[e.Index], _ws.LongestLength[i], e.Plural);
            }
        }

        if (_ws.LongestLength[i] > 1)
        {
            foreach (var e in _table.Entries(_ws.Single[i]))
            {
                if (e.Kind == CueEntryKind.SourceNoun)
                {
                    return (_table.Nouns[e.Index], 1, e.Plural);
                }
            }
        }

        return null;
    }

    /// <summary>Whether a source noun ends at token <paramref name="i"/> (for <c>a source familiar with</c>, <c>spokesman for</c>).</summary>
    private bool NounEndsAt(int i)
    {
        for (var j = i; j >= Math.Max(0, i - 4); j--)
        {
            if (NounAt(j) is { } n && j + n.Length - 1 == i)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsHedgeAt(int i)
    {
        foreach (var e in _table.Entries(_ws.Longest[Math.Clamp(i, 0, _count - 1)]))
        {
            if (e.Kind == CueEntryKind.Phrase && _table.Phrases[e.Index].Kind == CuePhraseKind.Hedge)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length of an adjunct phrase (<c>in a statement</c>) starting at <paramref name="i"/>, or 0.</summary>
    private int AdjunctAt(int i)
    {
        if ((uint)i >= (uint)_count)
        {
            return 0;
        }

        foreach (var e in _table.Entries(_ws.Longest[i]))
        {
            if (e.Kind == CueEntryKind.Phrase && _table.Phrases[e.Index].Kind == CuePhraseKind.Adjunct)
            {
                return _ws.LongestLength[i];
            }
        }

        return 0;
    }

    /// <summary>Whether the sentence of token <paramref name="i"/> is written in title case (a headline).</summary>
    private bool IsTitleCase(int i)
    {
        var first = SentenceFirst(i);
        var end = Math.Min(SentenceEnd(i), first + 40);
        int words = 0, capitalized = 0;
        for (var j = first; j < end; j++)
        {
            _ws.Steps++;
            if (IsWord(j) && !T[j].Has(TokenFlags.HasDigit))
            {
                words++;
                if (T[j].Has(TokenFlags.Capitalized))
                {
                    capitalized++;
                }
            }
        }

        return words >= 3 && capitalized * 10 >= words * 7;
    }

    // ---- spans ------------------------------------------------------------------------------------------------

    /// <summary>
    /// The end (characters) of a content that runs up to token <paramref name="endExclusive"/>: trailing sentence
    /// punctuation, commas and dashes are left out; closing quotation marks stay.
    /// </summary>
    private int ContentEndBefore(int endExclusive, int minToken)
    {
        var j = endExclusive - 1;
        while (j >= minToken && endExclusive - j <= MaxScan
            && ((T[j].Kind == TokenKind.Punctuation && _text[T[j].Start] is not (')' or ']'))
                || (IsQuoteMark(j) && ClosesQuotationOpenedBefore(j, minToken))))
        {
            _ws.Steps++;
            j--;
        }

        return j >= minToken ? T[j].End : -1;
    }

    /// <summary>
    /// The token where a content starting at <paramref name="from"/> ends (exclusive): the end of the sentence, or a
    /// following <c>, adding ...</c> / <c>, according to</c> / <c>, SOURCE said</c> clause of its own.
    /// </summary>
    private int ContentBoundary(int from)
    {
        var end = SentenceEnd(from);

        // A content that starts inside a quotation ends with it ("“According to X, ...,” the ministry said").
        if (InQuote(from) is var inside and >= 0 && _ws.QuoteOpenAt[Math.Clamp(from, 0, _count - 1)] != inside)
        {
            var enclosing = _doc.Quotes[inside];
            var close = _doc.TokenIndexAt(enclosing.ContentEnd);
            if (close > from && close < end)
            {
                end = close;
            }
        }

        // A quotation that starts the content and runs past the sentence end takes the content with it.
        if (_ws.QuoteOpenAt[Math.Clamp(from, 0, _count - 1)] is var q and >= 0)
        {
            var quote = _doc.Quotes[q];
            var close = quote.FirstToken + quote.TokenCount;
            if (close > end && close <= _count)
            {
                end = Math.Min(_count, close);
                while (end < _count && T[end].Kind == TokenKind.Punctuation && _text[T[end].Start] is not ('(' or '['))
                {
                    end++;
                }

                end = Math.Max(end, SentenceEnd(Math.Min(close, _count - 1)));
            }
        }

        // A clause of its own starts at a participle cue or "according to" after a comma: only matched positions can
        // be one, so look at the matched positions inside the content rather than at every token.
        var limit = Math.Min(end, from + MaxContentScan);
        var starts = _ws.Starts;
        int lo = 0, hi = starts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] <= from + 1)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var k = lo; k < starts.Count && starts[k] < limit; k++)
        {
            _ws.Steps++;
            var next = starts[k];
            var j = next - 1;
            if (T[j].Kind == TokenKind.Punctuation && _text[T[j].Start] is ',' or ';' or '—' or '–' && (IsParticipleCue(next) || IsAccordingTo(next)))
            {
                return j;
            }
        }

        return end;
    }

    private bool IsParticipleCue(int i)
    {
        foreach (var e in _table.Entries(_ws.Single[i]))
        {
            if (e.Kind == CueEntryKind.Verb && e.Form == VerbForm.Ing)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAccordingTo(int i)
    {
        foreach (var e in _table.Entries(_ws.Longest[i]))
        {
            if (e.Kind == CueEntryKind.Phrase && _table.Phrases[e.Index].Kind == CuePhraseKind.AccordingTo)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the closing mark at <paramref name="j"/> closes a quotation opened before token <paramref name="minToken"/> (or none at all).</summary>
    private bool ClosesQuotationOpenedBefore(int j, int minToken)
    {
        var q = _ws.QuoteCloseAt[j];
        if (q >= 0)
        {
            return _doc.Quotes[q].FirstToken < minToken;
        }

        return _ws.QuoteOpenAt[j] < 0 && !T[j].Has(TokenFlags.SpaceBefore);
    }

    /// <summary>Characters of tokens [from, to) as a content span; false when empty.</summary>
    private bool Span(int from, int toExclusive, out int start, out int end)
    {
        start = end = -1;

        // An opening mark whose quotation does not close inside the span is not part of it.
        while (from < toExclusive && IsQuoteMark(from) && (_ws.QuoteOpenAt[from] is var q && (q < 0 || _doc.Quotes[q].FirstToken + _doc.Quotes[q].TokenCount > toExclusive)))
        {
            from++;
        }

        if (from >= toExclusive || from >= _count)
        {
            return false;
        }

        var e = ContentEndBefore(toExclusive, from);
        if (e < 0)
        {
            return false;
        }

        // A lone closing mark or punctuation is no content.
        var hasWord = false;
        for (var j = from; j < toExclusive && j - from < MaxScan && !hasWord; j++)
        {
            _ws.Steps++;
            hasWord = IsWord(j);
        }

        if (!hasWord)
        {
            return false;
        }

        start = T[from].Start;
        end = e;
        return end > start;
    }

    /// <summary>Mode of an indirect content: mixed when it contains a quotation, direct when it is one.</summary>
    private AttributionMode ModeOf(int start, int end)
    {
        var quotes = _doc.Quotes;
        var q = FirstQuoteAtOrAfter(start);
        var mode = AttributionMode.Indirect;
        for (var seen = 0; q < quotes.Length && quotes[q].Start < end; q++, seen++)
        {
            if (seen == MaxScan)
            {
                return AttributionMode.Mixed;
            }

            _ws.Steps++;
            var quote = quotes[q];
            if (quote.End <= end + 1)
            {
                if (quote.Start <= start + 1 && quote.End >= end - 1)
                {
                    return AttributionMode.Direct;
                }

                mode = AttributionMode.Mixed;
                if ((quote.Flags & QuoteFlags.Nested) == 0)
                {
                    _ws.QuoteUsed[q] = true;
                }
            }
        }

        return mode;
    }

    private int FirstQuoteAtOrAfter(int offset)
    {
        var quotes = _doc.Quotes;
        int lo = 0, hi = quotes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (quotes[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The quotation that closes right before token <paramref name="p"/> (inclusive, a comma after the mark allowed):
    /// its content, or for a closing mark whose quotation was left unclosed at a paragraph end, the text from the
    /// last unclosed opening mark (a multi-paragraph quotation whose paragraphs are not reopened).
    /// </summary>
    private bool QuoteEndingAt(int p, out int contentStart, out int contentEnd, out int quote)
    {
        contentStart = contentEnd = quote = -1;
        if (IsPunct(p, ',') && IsQuoteMark(p - 1))
        {
            p--;
        }

        if (!IsQuoteMark(p))
        {
            return false;
        }

        var q = _ws.QuoteCloseAt[p];
        if (q >= 0 && _doc.Quotes[q].ContentLength > 0)
        {
            var span = _doc.Quotes[q];
            (contentStart, contentEnd, quote) = (span.ContentStart, span.ContentEnd, q);
            return true;
        }

        if (_ws.QuoteOpenAt[p] >= 0 && _doc.Quotes[_ws.QuoteOpenAt[p]].ContentLength > 0)
        {
            return false;
        }

        // An orphan closing mark: find the latest unclosed quotation that opened before it (cursor moves forward only).
        var quotes = _doc.Quotes;
        var at = T[p].Start;
        while (_unclosedCursor < quotes.Length && quotes[_unclosedCursor].Start < at)
        {
            _ws.Steps++;
            if ((quotes[_unclosedCursor].Flags & QuoteFlags.Unclosed) != 0 && (quotes[_unclosedCursor].Flags & QuoteFlags.Nested) == 0)
            {
                _lastUnclosed = _unclosedCursor;
            }

            _unclosedCursor++;
        }

        if (_lastUnclosed >= 0 && !_ws.QuoteUsed[_lastUnclosed] && quotes[_lastUnclosed].ContentStart < at
            && SentenceOf(quotes[_lastUnclosed].FirstToken) < SentenceOf(p))
        {
            var open = quotes[_lastUnclosed];
            (contentStart, contentEnd, quote) = (open.ContentStart, at, _lastUnclosed);
            return true;
        }

        return OpeningMarkBefore(p, out contentStart, out contentEnd);
    }

    /// <summary>
    /// A closing mark the quotation table does not pair (two apostrophes as quotation marks, unbalanced marks): the
    /// matching opening mark earlier in the same paragraph, at most 400 tokens back.
    /// </summary>
    private bool OpeningMarkBefore(int p, out int contentStart, out int contentEnd)
    {
        contentStart = contentEnd = -1;
        var close = p;
        var c = _text[T[p].Start];
        var doubled = IsQuoteMark(p - 1) && _text[T[p - 1].Start] == c && T[p - 1].End == T[p].Start;
        if (doubled)
        {
            close = p - 1;
        }

        var paragraphStart = _doc.Paragraphs[_doc.Sentences[SentenceOf(p)].Paragraph].Start;
        for (var j = close - 1; j >= 0 && close - j <= 400 && T[j].Start >= paragraphStart; j--)
        {
            _ws.Steps++;
            if (!IsQuoteMark(j))
            {
                continue;
            }

            var o = _text[T[j].Start];
            var pairs = c switch
            {
                '”' => o is '“' or '"',
                '"' => o is '"' or '“',
                '\'' or '’' => o is '\'' or '‘' or '’',
                '»' => o == '«',
                _ => false,
            };
            if (!pairs)
            {
                return false;
            }

            var opening = doubled
                ? IsQuoteMark(j - 1) && _text[T[j - 1].Start] == o && T[j - 1].End == T[j].Start && (j - 1 == 0 || T[j - 1].Has(TokenFlags.SpaceBefore) || T[j - 1].Has(TokenFlags.ParagraphStart))
                : j == 0 || T[j].Has(TokenFlags.SpaceBefore) || T[j].Has(TokenFlags.ParagraphStart) || T[j].Has(TokenFlags.OpensQuote);
            if (!opening)
            {
                if (doubled)
                {
                    j--;
                    continue;
                }

                return false;
            }

            if (T[j].End >= T[close].Start)
            {
                return false;
            }

            (contentStart, contentEnd) = (T[j].End, T[close].Start);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The end (characters) of quotation <paramref name="q"/>'s content; for a quotation left unclosed at its
    /// paragraph's end, the orphan closing mark of a following paragraph that is not reopened (a multi-paragraph
    /// quotation without reopening marks), looked for at most 400 tokens on and before any new opening mark.
    /// </summary>
    private int QuotationEnd(int q)
    {
        var quote = _doc.Quotes[q];
        if ((quote.Flags & QuoteFlags.Unclosed) == 0)
        {
            return quote.ContentEnd;
        }

        var from = quote.FirstToken + quote.TokenCount;
        for (var k = from; k < _count && k - from < 400; k++)
        {
            _ws.Steps++;
            if (!IsQuoteMark(k))
            {
                continue;
            }

            if (_ws.QuoteOpenAt[k] >= 0)
            {
                break;
            }

            if (_ws.QuoteCloseAt[k] < 0 && !T[k].Has(TokenFlags.SpaceBefore))
            {
                return T[k].Start;
            }
        }

        return quote.ContentEnd;
    }

    // ---- emission ---------------------------------------------------------------------------------------------

    private void Emit(FoundAttribution found)
    {
        if (found.Quote >= 0)
        {
            _ws.QuoteUsed[found.Quote] = true;
        }

        if (found.Content2Start >= 0 && found.Content1Start >= 0 && found.Content2End <= found.Content1Start)
        {
            (found.Content1Start, found.Content1End, found.Content2Start, found.Content2End) =
                (found.Content2Start, found.Content2End, found.Content1Start, found.Content1End);
        }

        for (var i = found.CueStart; i < found.CueEnd; i++)
        {
            _ws.Consumed[i] = true;
            _ws.ConsumedTouched.Add(i);
        }

        for (var i = Math.Max(0, found.Cue2Start); i < found.Cue2End; i++)
        {
            _ws.Consumed[i] = true;
            _ws.ConsumedTouched.Add(i);
        }

        Found.Add(found);
    }

    // ---- post-processing --------------------------------------------------------------------------------------

    /// <summary>
    /// A quotation without a cue of its own that follows an attribution with a source, with nothing but punctuation
    /// and paragraph breaks between them, continues it: <c>“...,” the ministry said. “...”</c> and
    /// <c>Smith said the plan was flawed. “...”</c> (a quotation that opens its sentence) get their own attribution
    /// with the same source and cue, and so does the next quotation after them: a speaker's quotation continued in later
    /// sentences and paragraphs is that speaker's.
    /// </summary>
    private void ContinueQuotations()
    {
        var quotes = _doc.Quotes;
        var count = Found.Count;
        var anySource = false;
        for (var i = 0; i < count && !anySource; i++)
        {
            anySource = Found[i].HasSource;
        }

        if (!anySource || quotes.Length == 0)
        {
            return;
        }

        // Attributions in order of their end (computed once), to find the one right before each quotation.
        var ends = _ws.Ends;
        ends.Clear();
        var order = _ws.Keyed;
        order.Clear();
        for (var i = 0; i < count; i++)
        {
            ends.Add(EndToken(Found[i]));
            order.Add(((long)ends[i] << 32 | (uint)i, i));
        }

        order.Sort();
        var k = 0;
        var last = -1;
        var lastEnd = -1;
        for (var q = 0; q < quotes.Length; q++)
        {
            _ws.Steps++;
            var quote = quotes[q];
            if (_ws.QuoteUsed[q] || (quote.Flags & (QuoteFlags.Nested | QuoteFlags.Short)) != 0 || quote.ContentLength == 0)
            {
                continue;
            }

            while (k < order.Count && ends[order[k].Index] <= quote.FirstToken)
            {
                if (last < 0 || ends[order[k].Index] >= lastEnd)
                {
                    last = order[k].Index;
                    lastEnd = ends[last];
                }

                k++;
            }

            if (last < 0)
            {
                continue;
            }

            var previous = Found[last];
            if (!previous.HasSource || previous.Dropped || previous.Nested
                || previous.Mode is not (AttributionMode.Direct or AttributionMode.Indirect or AttributionMode.Mixed)
                || (previous.Mode != AttributionMode.Direct && quote.FirstToken != SentenceFirst(quote.FirstToken)))
            {
                continue;
            }

            // After a quotation's tag, the rest of the tag's sentence (", standing in front of ...", "after the match")
            // still belongs to the tag.
            var gapStart = lastEnd;
            if (previous.Mode == AttributionMode.Direct && lastEnd > 0 && lastEnd < quote.FirstToken && SentenceOf(lastEnd - 1) == SentenceOf(previous.CueStart))
            {
                gapStart = Math.Min(quote.FirstToken, SentenceEnd(lastEnd - 1));
            }

            var gapHasWords = false;
            for (var j = gapStart; j < quote.FirstToken && !gapHasWords; j++)
            {
                _ws.Steps++;
                gapHasWords = IsWord(j) || IsQuoteMark(j);
            }

            if (gapHasWords || InQuote(quote.FirstToken) >= 0)
            {
                continue;
            }

            var next = previous;
            next.Content1Start = quote.ContentStart;
            next.Content1End = quote.ContentEnd;
            next.Content2Start = next.Content2End = -1;
            next.Quote = q;
            next.SourceOf = last;
            next.ContinuationOf = previous.ContinuationOf >= 0 ? previous.ContinuationOf : last;
            next.Nested = false;
            _ws.QuoteUsed[q] = true;
            Found.Add(next);
            ends.Add(EndToken(next));
            last = Found.Count - 1;
            lastEnd = ends[last];
        }
    }

    /// <summary>
    /// An attribution with a pronoun source whose cue stands inside a quotation (<c>“I told them we would win,” she
    /// said</c>, <c>“We reiterate that ...”</c>) is the quoted speaker's own narration, part of that quotation: it is
    /// not an attribution of its own (the quotation already is one). Inside a quotation means inside quotation marks
    /// or inside the content of a direct attribution (a multi-paragraph quotation paired by its final mark). A named
    /// source inside a quotation (<c>“According to the Ministry of Defense, ...”</c>) stays, marked nested. The direct
    /// contents are sorted once with a running maximum of their ends: O(A log A).
    /// </summary>
    private void DropNarrationInsideQuotations()
    {
        var quotes = _doc.Quotes;
        var contents = _ws.Keyed;
        var maxEnd = _ws.Ends;
        contents.Clear();
        maxEnd.Clear();
        foreach (var f in Found)
        {
            if (f.Mode == AttributionMode.Direct && f.Content1Start >= 0)
            {
                contents.Add((((long)f.Content1Start << 32) | (uint)f.Content1End, 0));
                if (f.Content2Start >= 0)
                {
                    contents.Add((((long)f.Content2Start << 32) | (uint)f.Content2End, 0));
                }
            }
        }

        contents.Sort();
        foreach (var (key, _) in contents)
        {
            maxEnd.Add(Math.Max(maxEnd.Count > 0 ? maxEnd[^1] : 0, (int)(uint)key));
        }

        for (var i = 0; i < Found.Count; i++)
        {
            _ws.Steps++;
            var f = Found[i];
            if (f.Dropped || !f.HasSource || f.SourceEnd - f.SourceStart != 1 || !Has(f.SourceStart, WordClass.Pronoun) || Has(f.SourceStart, WordClass.Relative))
            {
                continue;
            }

            var q = InQuote(f.CueStart);
            var inside = q >= 0 && (quotes[q].Flags & QuoteFlags.Short) == 0 && InQuote(f.SourceStart) == q;
            if (!inside && contents.Count > 0)
            {
                var at = T[f.SourceStart].Start;
                int lo = 0, hi = contents.Count;
                while (lo < hi)
                {
                    var mid = (lo + hi) >>> 1;
                    if ((int)(contents[mid].Key >> 32) <= at)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                inside = lo > 0 && maxEnd[lo - 1] > at;
            }

            if (inside)
            {
                f.Dropped = true;
                Found[i] = f;
            }
        }
    }

    private int EndToken(in FoundAttribution f)
    {
        var end = Math.Max(f.CueEnd, Math.Max(f.Cue2End, f.SourceEnd));
        if (f.ContentEnd > 0)
        {
            var j = _doc.TokenIndexAt(f.ContentEnd - 1) + 1;
            end = Math.Max(end, j);
        }

        // A closing mark right after the content belongs to it.
        while (end < _count && (IsQuoteMark(end) || IsSentenceFinal(end) || IsPunct(end, ',')) && T[end].Start < (f.ContentEnd > 0 ? f.ContentEnd + 2 : 0))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// An attribution whose cue lies inside another attribution's content is nested (a ministry quoting another).
    /// The contents are sorted by start with a running maximum of their ends (the two largest of different owners,
    /// so that an attribution's own content does not count): each cue is one binary search, O(A log A) in all.
    /// </summary>
    private void MarkNested()
    {
        var count = Found.Count;
        if (count < 2)
        {
            return;
        }

        var spans = _ws.Spans;
        spans.Clear();
        for (var i = 0; i < count; i++)
        {
            var f = Found[i];
            var owner = f.ContinuationOf >= 0 ? f.ContinuationOf : i;
            if (f.Content1Start >= 0)
            {
                spans.Add((f.Content1Start, f.Content1End, owner));
            }

            if (f.Content2Start >= 0)
            {
                spans.Add((f.Content2Start, f.Content2End, owner));
            }
        }

        if (spans.Count == 0)
        {
            return;
        }

        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var best = _ws.Best;
        best.Clear();
        (int End, int Owner) first = (-1, -1), second = (-1, -1);
        foreach (var (_, end, owner) in spans)
        {
            _ws.Steps++;
            if (end > first.End)
            {
                if (owner != first.Owner)
                {
                    second = first;
                }

                first = (end, owner);
            }
            else if (end > second.End && owner != first.Owner)
            {
                second = (end, owner);
            }

            best.Add((first.End, first.Owner, second.End));
        }

        for (var i = 0; i < count; i++)
        {
            var f = Found[i];
            var at = T[f.CueStart].Start;
            var self = f.ContinuationOf >= 0 ? f.ContinuationOf : i;
            int lo = 0, hi = spans.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (spans[mid].Start <= at)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (lo == 0)
            {
                continue;
            }

            var (end1, owner1, end2) = best[lo - 1];
            if ((owner1 != self && end1 > at) || end2 > at)
            {
                f.Nested = true;
                Found[i] = f;
            }
        }
    }
}
