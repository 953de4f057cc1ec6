using System.Text;

namespace TextLens.Parquet;

/// <summary>
/// The rows of <c>annotations.parquet</c>: one an annotation, with its document's id, sequence, group, period and
/// date, its layer, category, label, offsets, matched text, sentence, vocabulary, one column per declared facet and
/// the other facets as <c>key=value</c> pairs.
/// </summary>
internal sealed class AnnotationTable : RowTable
{
    /// <summary>The names of the fixed columns, which a declared facet's column may not take.</summary>
    public static readonly string[] FixedColumns =
        ["document_id", "sequence", "group", "period", "date", "layer", "category", "label", "start", "end", "text", "sentence", "open_vocabulary", "facets"];

    /// <summary>Matched text buffered for one row group at most (characters), whatever the row count.</summary>
    private const long MaxTextCharacters = 4 << 20;

    private readonly StringColumn _documentId;
    private readonly ValueColumn<long> _sequence;
    private readonly StringColumn _group;
    private readonly StringColumn _period;
    private readonly StringColumn _date;
    private readonly StringColumn _layer;
    private readonly StringColumn _category;
    private readonly StringColumn _label;
    private readonly ValueColumn<int> _start;
    private readonly ValueColumn<int> _end;
    private readonly StringColumn _text;
    private readonly NullableValueColumn<int> _sentence;
    private readonly ValueColumn<bool> _openVocabulary;
    private readonly Dictionary<string, StringColumn> _declared = new(StringComparer.Ordinal);
    private readonly StringColumn _facets;
    private readonly StringBuilder _undeclared = new();
    private TextArena _filling = new();
    private TextArena _writing = new();

    public AnnotationTable(IEnumerable<FacetDeclaration> declaredFacets, int capacity)
        : base(capacity)
    {
        _documentId = Add(new StringColumn("document_id", false, capacity));
        _sequence = Add(new ValueColumn<long>("sequence", capacity));
        _group = Add(new StringColumn("group", false, capacity));
        _period = Add(new StringColumn("period", false, capacity));
        _date = Add(new StringColumn("date", true, capacity));
        _layer = Add(new StringColumn("layer", false, capacity));
        _category = Add(new StringColumn("category", false, capacity));
        _label = Add(new StringColumn("label", false, capacity));
        _start = Add(new ValueColumn<int>("start", capacity));
        _end = Add(new ValueColumn<int>("end", capacity));
        _text = Add(new StringColumn("text", false, capacity, repeats: false));
        _sentence = Add(new NullableValueColumn<int>("sentence", capacity));
        _openVocabulary = Add(new ValueColumn<bool>("open_vocabulary", capacity));
        var taken = new HashSet<string>(FixedColumns, StringComparer.Ordinal);
        foreach (var facet in declaredFacets)
        {
            if (_declared.ContainsKey(facet.Name))
            {
                continue;
            }

            var name = ColumnName(facet.Name, taken);
            taken.Add(name);
            _declared.Add(facet.Name, Add(new StringColumn(name, true, capacity)));
        }

        _facets = Add(new StringColumn("facets", true, capacity, repeats: false));
    }

    /// <summary>The column a declared facet is written to: its own name, or <c>facet_</c> and its name when that is taken.</summary>
    public static string ColumnName(string facet, IReadOnlySet<string> taken)
    {
        var name = facet;
        while (taken.Contains(name))
        {
            name = "facet_" + name;
        }

        return name;
    }

    public override bool IsFull => base.IsFull || _filling.Characters >= MaxTextCharacters;

    /// <summary>Buffers one annotation of a document.</summary>
    public void Add(in DocumentColumns document, Annotation annotation, int? sentence)
    {
        var row = Count;
        _documentId.Values[row] = document.Id;
        _sequence.Values[row] = document.Sequence;
        _group.Values[row] = document.Group;
        _period.Values[row] = document.Period;
        _date.Values[row] = document.Date;
        _layer.Values[row] = (annotation.Layer ?? "").AsMemory();
        _category.Values[row] = (annotation.Category ?? "").AsMemory();
        _label.Values[row] = (annotation.Label ?? "").AsMemory();
        _start.Values[row] = annotation.Start;
        _end.Values[row] = annotation.End;
        _text.Values[row] = _filling.Copy(document.Text.AsSpan(annotation.Start, annotation.Length));
        _sentence.Values[row] = sentence;
        _openVocabulary.Values[row] = annotation.OpenVocabulary;
        if (annotation.Facets.Count > 0)
        {
            AddFacets(row, annotation.Facets);
        }

        Count = row + 1;
    }

    public override int Swap()
    {
        (_filling, _writing) = (_writing, _filling);
        return base.Swap();
    }

    public override async Task WriteAsync(global::Parquet.ParquetWriter writer, CancellationToken cancellationToken)
    {
        await base.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
        _writing.Clear();
    }

    private void AddFacets(int row, IReadOnlyList<AnnotationFacet> facets)
    {
        _undeclared.Clear();
        foreach (var facet in facets)
        {
            if (facet.Key is null || facet.Value is null)
            {
                continue;
            }

            if (_declared.TryGetValue(facet.Key, out var column))
            {
                column.Values[row] = facet.Value.AsMemory(); // a key given twice: the last value, as in annotations.jsonl
                continue;
            }

            if (_undeclared.Length > 0)
            {
                _undeclared.Append(';');
            }

            AppendEscaped(facet.Key);
            _undeclared.Append('=');
            AppendEscaped(facet.Value);
        }

        if (_undeclared.Length > 0)
        {
            _facets.Values[row] = _undeclared.ToString().AsMemory();
        }
    }

    /// <summary>Appends a facet key or value with <c>\</c>, <c>;</c> and <c>=</c> escaped by a backslash.</summary>
    private void AppendEscaped(string s)
    {
        foreach (var c in s)
        {
            if (c is '\\' or ';' or '=')
            {
                _undeclared.Append('\\');
            }

            _undeclared.Append(c);
        }
    }
}

/// <summary>The values a document gives each of its annotation rows, computed once per document.</summary>
internal readonly record struct DocumentColumns(
    ReadOnlyMemory<char> Id, long Sequence, ReadOnlyMemory<char> Group, ReadOnlyMemory<char> Period, ReadOnlyMemory<char>? Date, string Text);
