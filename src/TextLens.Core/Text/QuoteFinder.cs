using System.Buffers;
using System.Runtime.InteropServices;

namespace TextLens.Text;

/// <summary>
/// Finds quotation spans in a tokenized, sentence-split document, in one pass over the tokens with a stack of
/// open quotations (linear time whatever the marks: each mark is pushed and popped at most once).
/// </summary>
/// <remarks>
/// <para>
/// Marks come in two families. Double: <c>“ ” „ ‟ « »</c> and <c>"</c>; single: <c>‘ ’ ‚ ‛ ‹ ›</c> and <c>'</c>.
/// <c>„ ‟ « ‚ ‛ ‹</c> open; <c>” » ’ ›</c> close; <c>“</c> and <c>‘</c> open, except that they close a quotation
/// opened by <c>„</c> or <c>‚</c> (German style) or when written as a closing mark (non-space before, space or
/// punctuation after) while a quotation of their family is open. Straight marks are resolved from context:
/// white space, the start of the text, an opening bracket, a dash or an opening mark before and a non-space after
/// open; a non-space before and white space or punctuation after close; anything else closes the innermost
/// quotation of its family if that is the innermost one, and opens otherwise.
/// </para>
/// <para>
/// A double closing mark closes the innermost open double quotation (single quotations still open inside it
/// are discarded); a single closing mark closes the innermost quotation only if it is a single one. A bare
/// apostrophe clitic after a plural (<c>‘separatists’</c>) closes an open <c>‘</c> or <c>'</c> quotation of its
/// paragraph and becomes a <see cref="TokenKind.QuoteMark"/>.
/// </para>
/// <para>
/// At the end of a paragraph, if the next paragraph starts with an opening mark of the family of the outermost
/// open quotation, the quotation continues there (news style: each paragraph of a long quotation reopens it and
/// only the last closes it) and gets <see cref="QuoteFlags.MultiParagraph"/>; quotations open inside it end with
/// their paragraph. Otherwise every open double quotation ends at the end of its paragraph with
/// <see cref="QuoteFlags.Unclosed"/>, so an unbalanced mark never swallows the rest of the document, and an open
/// single quotation is discarded (a lone single mark is more often an apostrophe than a quotation).
/// </para>
/// <para>
/// <see cref="QuoteFlags.Short"/>: closed in the sentence and paragraph where it opened, at most four word or
/// number tokens inside, the opening mark is not the first token of its sentence, and it is not speech
/// introduced by a colon or comma (<c>said: “We will win.”</c>): a scare quote or a quoted term.
/// </para>
/// </remarks>
internal static class QuoteFinder
{
    private const byte DoubleFamily = 0;
    private const byte SingleFamily = 1;

    /// <summary>Finds the quotation spans of a document whose tokens, paragraphs and sentences are ready.</summary>
    public static void Find(ParsedDocument doc)
    {
        var count = doc.TokenTableCount;
        if (count == 0)
        {
            return;
        }

        var state = new State(doc, stackalloc Frame[32]);
        try
        {
            state.Run();
        }
        finally
        {
            state.Dispose();
        }

        Finish(doc);
    }

    /// <summary>Drops discarded slots, flags nested quotations and marks the opening and closing tokens.</summary>
    private static void Finish(ParsedDocument doc)
    {
        var quotes = doc.QuoteTable;
        var tokens = doc.TokenTable;
        var count = doc.QuoteTableCount;
        var ends = new ScratchStack<int>(stackalloc int[32]);
        try
        {
            var write = 0;
            for (var read = 0; read < count; read++)
            {
                var q = quotes[read];
                if (q.Length == 0)
                {
                    continue;
                }

                while (ends.Count > 0 && ends.Top <= q.Start)
                {
                    ends.Count--;
                }

                var flags = ends.Count > 0 ? q.Flags | QuoteFlags.Nested : q.Flags;
                quotes[write++] = new QuoteSpan(q.Start, q.Length, q.ContentStart, q.ContentLength, flags, q.FirstToken, q.TokenCount);
                ends.Push(q.End);
                tokens[q.FirstToken] = tokens[q.FirstToken].WithFlags(TokenFlags.OpensQuote);
                if ((q.Flags & QuoteFlags.Unclosed) == 0)
                {
                    var last = q.FirstToken + q.TokenCount - 1;
                    tokens[last] = tokens[last].WithFlags(TokenFlags.ClosesQuote);
                }
            }

            doc.QuoteTableCount = write;
        }
        finally
        {
            ends.Dispose();
        }
    }

    /// <summary>An open quotation.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct Frame
    {
        public int Token;
        public int Slot;
        public int WordsBefore;
        public int Sentence;
        public int Paragraph;
        public char Mark;
        public byte Family;
        public bool Multi;
        public bool SentenceFirst;
        public bool AfterIntroduction;
    }

    /// <summary>A stack on a stack-allocated span that moves to a pooled array when it outgrows it.</summary>
    private ref struct ScratchStack<T>
        where T : struct
    {
        private Span<T> _items;
        private T[]? _rented;

        public ScratchStack(Span<T> initial)
        {
            _items = initial;
            _rented = null;
            Count = 0;
        }

        public int Count;

        public readonly ref T Top => ref _items[Count - 1];

        public readonly ref T this[int index] => ref _items[index];

        public void Push(in T item)
        {
            if (Count == _items.Length)
            {
                var bigger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
                _items.CopyTo(bigger);
                if (_rented is not null)
                {
                    ArrayPool<T>.Shared.Return(_rented);
                }

                _rented = bigger;
                _items = bigger;
            }

            _items[Count++] = item;
        }

        public T Pop() => _items[--Count];

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<T>.Shared.Return(_rented);
                _rented = null;
            }
        }
    }

    private ref struct State
    {
        private readonly ParsedDocument _doc;
        private readonly ReadOnlySpan<char> _text;
        private readonly Token[] _tokens;
        private ScratchStack<Frame> _stack;
        private readonly Sentence[] _sentences;
        private readonly int _sentenceCount;
        private int _doubles;
        private int _sentence;
        private int _paragraph;

        public State(ParsedDocument doc, Span<Frame> initial)
        {
            _doc = doc;
            _text = doc.Text;
            _tokens = doc.TokenTable;
            _sentences = doc.SentenceTable;
            _sentenceCount = doc.SentenceTableCount;
            _stack = new ScratchStack<Frame>(initial);
        }

        public void Dispose() => _stack.Dispose();

        /// <summary>Visits the marked tokens (quotation marks, bare clitics, paragraph starts) in text order.</summary>
        public void Run()
        {
            var tokens = _tokens;
            var markers = _doc.MarkerTable;
            var markerCount = _doc.MarkerTableCount;
            for (var m = 0; m < markerCount; m++)
            {
                var (k, words) = markers[m];
                if ((tokens[k].Flags & TokenFlags.ParagraphStart) != 0 && k > 0)
                {
                    _paragraph++;
                    if (_stack.Count > 0 && EndParagraph(k - 1, k))
                    {
                        continue;
                    }
                }

                if (tokens[k].Kind == TokenKind.QuoteMark)
                {
                    Mark(k, words);
                }
                else if (tokens[k].Kind == TokenKind.Clitic && tokens[k].Length == 1 && _stack.Count > 0)
                {
                    ref var top = ref _stack.Top;
                    if (top.Family == SingleFamily && top.Paragraph == _paragraph && top.Mark is '\u2018' or '\'')
                    {
                        tokens[k] = tokens[k].WithKind(TokenKind.QuoteMark, TokenFlags.None);
                        Close(_stack.Pop(), k, words);
                    }
                }
            }

            if (_stack.Count > 0)
            {
                EndParagraph(_doc.TokenTableCount - 1, -1);
            }
        }

        /// <summary>Index of the sentence holding token <paramref name="k"/>; tokens are visited in order, so the cursor only moves forward.</summary>
        private int SentenceOf(int k)
        {
            while (_sentence + 1 < _sentenceCount && _sentences[_sentence + 1].FirstToken <= k)
            {
                _sentence++;
            }

            return _sentence;
        }

        private void Mark(int k, int words)
        {
            var m = _text[_tokens[k].Start];
            switch (m)
            {
                case '\u201D' or '\u00BB':
                    CloseDouble(k, words);
                    break;
                case '\u201E' or '\u201F' or '\u00AB':
                    Open(k, m, DoubleFamily, words);
                    break;
                case '\u201C':
                    if (TopIs(DoubleFamily) && (_stack.Top.Mark == '\u201E' || Context(k) < 0))
                    {
                        CloseDouble(k, words);
                    }
                    else
                    {
                        Open(k, m, DoubleFamily, words);
                    }

                    break;
                case '"':
                    Straight(k, m, DoubleFamily, words);
                    break;
                case '\u2019' or '\u203A':
                    if (TopIs(SingleFamily))
                    {
                        Close(_stack.Pop(), k, words);
                    }

                    break;
                case '\u201A' or '\u201B' or '\u2039':
                    Open(k, m, SingleFamily, words);
                    break;
                case '\u2018':
                    if (TopIs(SingleFamily) && (_stack.Top.Mark == '\u201A' || Context(k) < 0))
                    {
                        Close(_stack.Pop(), k, words);
                    }
                    else
                    {
                        Open(k, m, SingleFamily, words);
                    }

                    break;
                case '\'':
                    Straight(k, m, SingleFamily, words);
                    break;
            }
        }

        private readonly bool TopIs(byte family) => _stack.Count > 0 && _stack.Top.Family == family;

        private void Straight(int k, char m, byte family, int words)
        {
            var context = Context(k);
            if (context > 0 || (context == 0 && !TopIs(family)))
            {
                Open(k, m, family, words);
            }
            else if (family == DoubleFamily)
            {
                CloseDouble(k, words);
            }
            else if (TopIs(SingleFamily))
            {
                Close(_stack.Pop(), k, words);
            }
        }

        /// <summary>+1 when the mark at token <paramref name="k"/> is written as an opening mark, -1 as a closing one, 0 when unclear.</summary>
        private readonly int Context(int k)
        {
            var at = _tokens[k].Start;
            var before = at > 0 ? _text[at - 1] : ' ';
            var after = at + 1 < _text.Length ? _text[at + 1] : ' ';
            var openBefore = char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '-' or '\u2013' or '\u2014' or '/'
                or '\u201C' or '\u2018' or '\u201E' or '\u201A' or '\u00AB' or '\u2039';
            var spaceAfter = char.IsWhiteSpace(after);
            if (openBefore && !spaceAfter)
            {
                return 1;
            }

            if (!openBefore && (spaceAfter || IsPunctuation(after)))
            {
                return -1;
            }

            return 0;
        }

        private static bool IsPunctuation(char c) =>
            Tokenizer.RoleOf(Tokenizer.ClassOf(c)) is Tokenizer.RolePunct or Tokenizer.RolePeriod or Tokenizer.RoleComma
                or Tokenizer.RoleQuote or Tokenizer.RoleApostrophe or Tokenizer.RoleHyphen;

        private void Open(int k, char m, byte family, int words)
        {
            var slot = _doc.QuoteTableCount;
            _doc.AddQuote(default);
            var previous = k > 0 ? _tokens[k - 1] : default;
            _stack.Push(new Frame
            {
                Token = k,
                Slot = slot,
                WordsBefore = words,
                Sentence = SentenceOf(k),
                Paragraph = _paragraph,
                Mark = m,
                Family = family,
                SentenceFirst = (_tokens[k].Flags & TokenFlags.SentenceStart) != 0,
                AfterIntroduction = k > 0 && previous.Kind == TokenKind.Punctuation && _text[previous.Start] is ':' or ',',
            });
            if (family == DoubleFamily)
            {
                _doubles++;
            }
        }

        private void CloseDouble(int k, int words)
        {
            if (_doubles == 0)
            {
                return;
            }

            while (_stack.Top.Family == SingleFamily)
            {
                var single = _stack.Pop();
                if (single.Multi)
                {
                    EndUnclosed(single, k - 1);
                }
            }

            _doubles--;
            Close(_stack.Pop(), k, words);
        }

        private void Close(in Frame frame, int closer, int words)
        {
            ref readonly var open = ref _tokens[frame.Token];
            ref readonly var close = ref _tokens[closer];
            var flags = frame.Multi ? QuoteFlags.MultiParagraph : QuoteFlags.None;
            if (!frame.Multi && !frame.SentenceFirst && words - frame.WordsBefore <= 4 && frame.Sentence == SentenceOf(closer)
                && !(frame.AfterIntroduction && ContentEndsWithPunctuation(frame.Token, closer)))
            {
                flags |= QuoteFlags.Short;
            }

            _doc.QuoteTable[frame.Slot] = new QuoteSpan(open.Start, close.End - open.Start, open.End, close.Start - open.End, flags, frame.Token, closer - frame.Token + 1);
        }

        private readonly bool ContentEndsWithPunctuation(int opener, int closer)
        {
            if (closer - 1 <= opener)
            {
                return false;
            }

            ref readonly var last = ref _tokens[closer - 1];
            return last.Kind == TokenKind.Punctuation && _text[last.Start] is '.' or ',' or '!' or '?' or '\u2026' or ';' or ':';
        }

        private readonly void EndUnclosed(in Frame frame, int lastToken)
        {
            ref readonly var open = ref _tokens[frame.Token];
            var contentEnd = Math.Max(open.End, _tokens[lastToken].End);
            var flags = QuoteFlags.Unclosed | (frame.Multi ? QuoteFlags.MultiParagraph : QuoteFlags.None);
            _doc.QuoteTable[frame.Slot] = new QuoteSpan(open.Start, contentEnd - open.Start, open.End, contentEnd - open.End, flags, frame.Token, lastToken - frame.Token + 1);
        }

        /// <summary>
        /// Ends the paragraph whose last token is <paramref name="lastToken"/>. Returns whether token
        /// <paramref name="next"/> (the first of the next paragraph, -1 at the end) reopened the outermost quotation.
        /// </summary>
        private bool EndParagraph(int lastToken, int next)
        {
            // The candidate to continue is the outermost quotation that is not a lone single mark.
            var candidate = 0;
            while (candidate < _stack.Count && _stack[candidate].Family == SingleFamily && !_stack[candidate].Multi)
            {
                candidate++;
            }

            if (candidate == _stack.Count)
            {
                candidate = 0;
            }

            if (next >= 0 && Reopens(next, _stack[candidate].Family))
            {
                while (_stack.Count > candidate + 1)
                {
                    EndOrDiscard(_stack.Pop(), lastToken);
                }

                var kept = _stack[candidate];
                kept.Multi = true;
                _stack.Count = 0;
                _stack.Push(kept);
                _doubles = kept.Family == DoubleFamily ? 1 : 0;
                _tokens[next] = _tokens[next].WithFlags(TokenFlags.OpensQuote);
                return true;
            }

            while (_stack.Count > 0)
            {
                EndOrDiscard(_stack.Pop(), lastToken);
            }

            _doubles = 0;
            return false;
        }

        private readonly void EndOrDiscard(in Frame frame, int lastToken)
        {
            if (frame.Family == DoubleFamily || frame.Multi)
            {
                EndUnclosed(frame, lastToken);
            }
        }

        private readonly bool Reopens(int k, byte family)
        {
            ref readonly var t = ref _tokens[k];
            if (t.Kind != TokenKind.QuoteMark)
            {
                return false;
            }

            var m = _text[t.Start];
            var straightOpens = t.End < _text.Length && !char.IsWhiteSpace(_text[t.End]);
            return family == DoubleFamily
                ? m is '\u201C' or '\u201E' or '\u201F' or '\u00AB' || (m == '"' && straightOpens)
                : m is '\u2018' or '\u201A' or '\u201B' or '\u2039' || (m == '\'' && straightOpens);
        }
    }
}
