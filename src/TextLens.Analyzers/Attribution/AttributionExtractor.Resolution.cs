using System.Text;
using TextLens.Text;

namespace TextLens.Analyzers.Attribution;

/// <summary>
/// Source resolution and typing. Rules, in order: a pronoun resolves to the most recent compatible earlier source
/// (<c>it</c> → organization or place, <c>he</c>/<c>she</c> → person, <c>they</c> → group or organization; an entity
/// mention when no source fits), <c>who</c> to the noun phrase before it, <c>we</c>/<c>I</c> to the speaker of the
/// quotation it stands in; a definite description (<c>the ministry</c>) to the most recent mention whose name
/// contains its words; a name covered by an <c>entity</c> annotation to the entity's name, or to what it stands for
/// when it has <c>metonymFor</c> (<c>Baku</c>); <c>X’s N</c> with a metonym X to the gazetteer's entry for N of X's
/// country when the gazetteer has one; a lone surname to an earlier full name. The type comes from the source nouns
/// inside the source (anonymous, social media, media, international organization, then the first organization
/// noun, then the first person noun), else from the entity type (a place speaks for its government: official).
/// </summary>
internal sealed partial class AttributionExtractor
{
    /// <summary>The label of attributions without a source.</summary>
    public const string Unattributed = "(unattributed)";

    private ISourceGazetteer? _gazetteer;

    /// <summary>Reads the <c>entity</c> layer and finds named organizations in the text (<c>the Azerbaijani Defence Ministry</c>).</summary>
    public void LoadEntities(AnalysisContext context, ISourceGazetteer? gazetteer)
    {
        _gazetteer = gazetteer;
        var entities = _ws.Entities;
        foreach (var a in context.Annotations)
        {
            if (!string.Equals(a.Layer, "entity", StringComparison.Ordinal) || a.Length == 0)
            {
                continue;
            }

            // The entity analyzer writes the entity id as label and the id of what a metonym stands for as metonymFor:
            // both are read back through the gazetteer for canonical names and a source-type hint.
            var name = a.Facet("name") ?? a.Label;
            var metonym = NullIfEmpty(a.Facet("metonymFor"));
            var hint = NullIfEmpty(a.Facet("sourceType"));
            if (gazetteer is not null && gazetteer.TryGetById(a.Label, out var known))
            {
                name = known.Canonical;
                hint ??= known.SourceType;
            }

            if (metonym is not null && gazetteer is not null && gazetteer.TryGetById(metonym, out var target))
            {
                metonym = target.Canonical;
            }

            entities.Add(new EntityMention(a.Start, a.End, a.Category.ToUpperInvariant(), name, metonym, hint));
        }

        var tokens = T;
        var after = -1;
        foreach (var t in _ws.Starts)
        {
            _ws.Steps++;
            if (t <= after || !IsCapitalized(t) || NounAt(t) is not { } noun || noun.Noun.Role != SourceNounRole.Organization)
            {
                continue;
            }

            var start = t;
            while (start - 1 >= 0 && t - start < 6 && (IsCapitalized(start - 1) && !Has(start - 1, WordClass.Determiner) || (IsClitic(start - 1) && IsCapitalized(start - 2))))
            {
                start--;
            }

            var end = t + noun.Length;
            while (end < _count && end - t < 12)
            {
                _ws.Steps++;
                if (IsCapitalized(end) && !Has(end, WordClass.Determiner))
                {
                    end++;
                }
                else if (KeyIs(end, "of") && IsCapitalized(end + 1))
                {
                    end += 2;
                }
                else if (KeyIs(end, "of") && KeyIs(end + 1, "the") && IsCapitalized(end + 2))
                {
                    end += 3;
                }
                else
                {
                    break;
                }
            }

            var name = TextOf(start, end);
            if (_gazetteer is not null && _gazetteer.TryFind(name, out var known))
            {
                name = known.Canonical;
            }

            entities.Add(new EntityMention(tokens[start].Start, tokens[end - 1].End, "ORG", name, null, noun.Noun.Type, FromText: true));
            after = end - 1;
        }

        var sorted = true;
        for (var k = 1; k < entities.Count && sorted; k++)
        {
            sorted = entities[k - 1].Start < entities[k].Start || (entities[k - 1].Start == entities[k].Start && entities[k - 1].End >= entities[k].End);
        }

        if (!sorted)
        {
            entities.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }
    }

    /// <summary>Resolves and types every attribution's source.</summary>
    public void Resolve()
    {
        var found = Found;

        // In order of the source, then the cue (sorted on packed keys: no struct copies in comparisons).
        var order = _ws.Keyed;
        order.Clear();
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].HasSource && found[i].SourceOf < 0 && !found[i].Dropped)
            {
                order.Add((((long)found[i].SourceStart << 32) | (uint)found[i].CueStart, i));
            }
        }

        order.Sort();
        var entities = _ws.Entities;
        var entity = 0;
        foreach (var (_, i) in order)
        {
            _ws.Steps++;
            var f = found[i];
            var at = T[f.SourceStart].Start;
            while (entity < entities.Count && entities[entity].Start < at)
            {
                PushEntity(entities[entity]);
                entity++;
            }

            ResolveOne(ref f);
            found[i] = f;
            if (f.Resolved)
            {
                _ws.Mentions.Add(new Mention(at, T[f.SourceEnd - 1].End, SentenceOf(f.SourceStart),
                    f.Label, f.Type, f.Role, IsSource: true));
            }
        }

        ResolveSpeakerPronouns();

        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            if (!f.HasSource)
            {
                f.Label = Unattributed;
                f.Type = AttributionSourceTypes.Unattributed;
                f.Resolution = SourceResolution.None;
                f.Resolved = true;
            }
            else if (f.SourceOf >= 0 && f.SourceOf < i)
            {
                var from = found[f.SourceOf];
                (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (from.Label, from.Type, from.Role, from.Resolution, true);
            }
            else if (!f.Resolved)
            {
                Written(ref f, f.SourceStart, f.SourceEnd);
                f.Resolution = SourceResolution.None;
            }

            found[i] = f;
        }
    }

    private void PushEntity(EntityMention e)
    {
        var role = RoleOfEntity(e.Type);
        if (role is null)
        {
            return;
        }

        var label = e.MetonymFor ?? e.Name;
        var type = e.SourceType ?? TypeOfEntity(e.Type, e.MetonymFor is not null);
        var sentence = SentenceOf(_doc.TokenIndexAt(e.Start));
        _ws.Mentions.Add(new Mention(e.Start, e.End, sentence,
            label, type, role.Value, IsSource: false));
    }

    private void ResolveOne(ref FoundAttribution f)
    {
        var ss = f.SourceStart;
        var se = f.SourceEnd;
        if (se - ss == 1 && Has(ss, WordClass.Pronoun))
        {
            f.Role = Has(ss, WordClass.PersonPronoun) ? SourceNounRole.Person : Has(ss, WordClass.PluralPronoun) ? SourceNounRole.Group : SourceNounRole.Organization;
            if (Has(ss, WordClass.SpeakerPronoun))
            {
                f.Resolution = SourceResolution.Pronoun;
                return;
            }

            if (!_options.ResolvePronouns)
            {
                Written(ref f, ss, se);
                f.Resolution = SourceResolution.None;
                return;
            }

            if (Has(ss, WordClass.Relative))
            {
                var a = ss - 1;
                if (IsPunct(a, ','))
                {
                    a--;
                }

                if (IsWord(a) && !Has(a, WordClass.Preposition | WordClass.Conjunction | WordClass.Auxiliary))
                {
                    var start = NounPhraseLeft(a, SentenceFirst(a));
                    ResolveNounPhrase(ref f, start, a + 1);
                    f.Resolution = SourceResolution.Pronoun;
                    return;
                }

                Written(ref f, ss, se);
                f.Resolution = SourceResolution.None;
                return;
            }

            if (FindAntecedent(ss, null) is { } m)
            {
                (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (m.Label, m.Type, m.Role, SourceResolution.Pronoun, true);
                return;
            }

            Written(ref f, ss, se);
            f.Resolution = SourceResolution.None;
            return;
        }

        ResolveNounPhrase(ref f, ss, se);
    }

    private void ResolveNounPhrase(ref FoundAttribution f, int ss, int se)
    {
        var (core, coreEnd) = CoreOf(ss, se);

        var (nounType, nounRole) = TypeFromNouns(ss, se);
        var coreStart = T[core].Start;
        var coreStop = T[coreEnd - 1].End;

        // 1. An entity that covers the core, or a person or organization entity that ends it (its head).
        if (EntityFor(coreStart, coreStop) is { } e)
        {
            var role = RoleOfEntity(e.Type) ?? SourceNounRole.Organization;
            if (e.MetonymFor is { } metonym)
            {
                (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (metonym, nounType ?? e.SourceType ?? AttributionSourceTypes.Official,
                    SourceNounRole.Organization, SourceResolution.Metonym, true);
                return;
            }

            if (_gazetteer is not null && _gazetteer.TryFind(e.Name, out var g) && g.MetonymFor is { } gm)
            {
                (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (gm, nounType ?? g.SourceType ?? AttributionSourceTypes.Official,
                    SourceNounRole.Organization, SourceResolution.Metonym, true);
                return;
            }

            (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (e.Name, nounType ?? e.SourceType ?? TypeOfEntity(e.Type, false),
                role == SourceNounRole.Person ? role : nounRole ?? role, SourceResolution.Named, true);
            return;
        }

        // 1b. An organization named before a source noun: "the Caliber.Az news service", "a Defense Ministry spokesman".
        if (OrganizationBeforeNouns(core, coreEnd) is { } org)
        {
            (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (org.MetonymFor ?? org.Name, nounType ?? org.SourceType ?? TypeOfEntity(org.Type, org.MetonymFor is not null),
                nounRole ?? SourceNounRole.Organization, org.MetonymFor is null ? SourceResolution.Named : SourceResolution.Metonym, true);
            return;
        }

        // 2. X’s N: a metonym's institution (Baku’s defence ministry).
        var clitic = -1;
        for (var j = core + 1; j < coreEnd - 1 && clitic < 0; j++)
        {
            if (IsClitic(j))
            {
                clitic = j;
            }
        }

        if (clitic > core && PossessiveInstitution(core, clitic, coreEnd) is { } institution)
        {
            f.Label = institution.Canonical;
            f.Type = nounType ?? institution.SourceType ?? AttributionSourceTypes.Official;
            f.Role = SourceNounRole.Organization;
            f.Resolution = SourceResolution.Metonym;
            f.Resolved = true;
            return;
        }

        // 3. A gazetteer entry for the name as written.
        if (_gazetteer is not null && _gazetteer.TryFind(TextOf(core, coreEnd), out var entry))
        {
            f.Label = entry.MetonymFor ?? entry.Canonical;
            f.Type = nounType ?? entry.SourceType ?? TypeOfEntity(entry.EntityType, entry.MetonymFor is not null);
            f.Role = nounRole ?? RoleOfEntity(entry.EntityType) ?? SourceNounRole.Organization;
            f.Resolution = entry.MetonymFor is null ? SourceResolution.Named : SourceResolution.Metonym;
            f.Resolved = true;
            return;
        }

        // 4. A definite description: the ministry, the foreign ministry, the commander.
        var capitalized = false;
        for (var j = core; j < coreEnd; j++)
        {
            capitalized |= IsCapitalized(j) && !(j == core && T[j].Has(TokenFlags.SentenceStart) && NounAt(j) is not null);
        }

        var definite = core > ss && (KeyIs(ss, "the") || KeyIs(ss, "this") || KeyIs(ss, "these") || KeyIs(ss, "that"));
        if (definite && !capitalized)
        {
            // A description without a source noun (the photos) may only refer back to an earlier source.
            if (_options.ResolveDescriptions && FindAntecedent(ss, (core, coreEnd), sourcesOnly: nounType is null) is { } m)
            {
                (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (m.Label, m.Type, m.Role, SourceResolution.Description, true);
                return;
            }

            Written(ref f, ss, se);
            f.Resolution = SourceResolution.None;
            return;
        }

        // 5. A lone surname refers to an earlier full name (General Volkov ... Volkov).
        var nameStart = core;
        while (nameStart < coreEnd - 1 && Has(nameStart, WordClass.Honorific))
        {
            nameStart++;
        }

        if (coreEnd - nameStart == 1 && IsCapitalized(nameStart) && nounType is null)
        {
            var surname = _doc.KeyOf(T[nameStart]);
            var mentions = _ws.Mentions;
            for (var k = mentions.Count - 1; k >= 0 && mentions.Count - k <= 200; k--)
            {
                _ws.Steps++;
                var m = mentions[k];
                if (m.Role == SourceNounRole.Person && EndsWithWord(m, surname))
                {
                    (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (m.Label, m.Type, m.Role, SourceResolution.Named, true);
                    return;
                }
            }
        }

        Written(ref f, ss, se);
        f.Type = nounType ?? AttributionSourceTypes.Unknown;
        f.Role = nounRole ?? (IsAllCaps(core, coreEnd) ? SourceNounRole.Organization : SourceNounRole.Person);
        f.Resolution = SourceResolution.Named;
    }

    /// <summary>An entity covering [start, end), else a person or organization entity ending at <paramref name="end"/> (not after a possessive).</summary>
    private EntityMention? EntityFor(int start, int end)
    {
        var entities = _ws.Entities;
        int lo = 0, hi = entities.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entities[mid].Start < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // Entity-layer annotations win over organizations found in the text by their noun.
        EntityMention? covering = null;
        EntityMention? head = null;
        for (var k = lo - 1; k >= 0 && lo - k <= 16; k--)
        {
            _ws.Steps++;
            var e = entities[k];
            if (e.End < end || RoleOfEntity(e.Type) is null)
            {
                continue;
            }

            if (e.Start <= start)
            {
                if (covering is null || (covering.Value.FromText && !e.FromText))
                {
                    covering = e;
                }

                continue;
            }

            if (e.End == end && e.Type is "PERSON" or "PER" or "ORG" && (head is null || (head.Value.FromText && !e.FromText)))
            {
                var before = _doc.TokenIndexAt(e.Start) - 1;
                if (!IsClitic(before))
                {
                    head = e;
                }
            }
        }

        if (covering is { FromText: true } && head is { FromText: false })
        {
            return head;
        }

        return covering ?? head;
    }

    /// <summary>The last organization entity inside [core, coreEnd) followed only by source nouns up to the end.</summary>
    private EntityMention? OrganizationBeforeNouns(int core, int coreEnd)
    {
        var start = T[core].Start;
        var stop = T[coreEnd - 1].End;
        var entities = _ws.Entities;
        int lo = 0, hi = entities.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entities[mid].Start < stop)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var k = lo - 1; k >= 0 && lo - k <= 16; k--)
        {
            _ws.Steps++;
            var e = entities[k];
            if (e.Start < start)
            {
                break;
            }

            if (e.End >= stop || e.Type != "ORG" || e.FromText)
            {
                continue;
            }

            // Every token after the entity must belong to a source noun.
            var j = _doc.TokenIndexAt(e.End);
            while (j < coreEnd && NounAt(j) is { } n)
            {
                j += n.Length;
            }

            if (j >= coreEnd)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary><c>Baku’s defence ministry</c>: the gazetteer's entry for the institution of the metonym's country.</summary>
    private GazetteerSource? PossessiveInstitution(int core, int clitic, int coreEnd)
    {
        if (_gazetteer is null)
        {
            return null;
        }

        var ownerStart = T[core].Start;
        var ownerEnd = T[clitic - 1].End;
        string? country = null;
        foreach (var e in _ws.Entities)
        {
            if (e.Start > ownerStart)
            {
                break;
            }

            if (e.Start == ownerStart && e.End >= ownerEnd)
            {
                country = e.MetonymFor ?? e.Name;
            }
        }

        var owner = TextOf(core, clitic);
        if (country is null && _gazetteer.TryFind(owner, out var o))
        {
            country = o.MetonymFor ?? o.Canonical;
        }

        if (country is null)
        {
            return null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["Government of the ", "Government of ", "government of "])
        {
            if (country.StartsWith(prefix, StringComparison.Ordinal))
            {
                country = country[prefix.Length..];
                break;
            }
        }

        var institution = TextOf(clitic + 1, coreEnd);
        foreach (var candidate in (ReadOnlySpan<string>)[$"{institution} of {country}", $"{country} {institution}", $"{country}'s {institution}", $"{owner}'s {institution}"])
        {
            if (_gazetteer.TryFind(candidate, out var g))
            {
                return g;
            }
        }

        return null;
    }

    /// <summary>
    /// The most recent earlier mention compatible with a pronoun (when <paramref name="words"/> is null: sources
    /// first, then any mention) or containing every word of a description (the tokens [Start, End)).
    /// </summary>
    private Mention? FindAntecedent(int token, (int Start, int End)? words, bool sourcesOnly = false)
    {
        var mentions = _ws.Mentions;
        var sentence = SentenceOf(token);
        var minSentence = sentence - _options.MaxAntecedentSentences;
        var at = T[token].Start;
        for (var pass = words is null || sourcesOnly ? 0 : 1; pass < (sourcesOnly ? 1 : 2); pass++)
        {
            for (var k = mentions.Count - 1; k >= 0 && mentions.Count - k <= 256; k--)
            {
                _ws.Steps++;
                var m = mentions[k];
                if (m.Sentence < minSentence)
                {
                    break;
                }

                if (m.Start >= at || (pass == 0 && !m.IsSource))
                {
                    continue;
                }

                if (words is not { } w ? Compatible(m, token) : ContainsAll(m, w.Start, w.End))
                {
                    return m;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a mention of two words or more ends with the word <paramref name="surname"/> (a full name ending with a surname).</summary>
    private bool EndsWithWord(in Mention m, ReadOnlySpan<char> surname)
    {
        var first = _doc.TokenIndexAt(m.Start);
        var last = Math.Min(_count - 1, _doc.TokenIndexAt(m.End - 1));
        while (last > first && !IsWord(last))
        {
            last--;
        }

        return last > first && _doc.KeyOf(T[last]).SequenceEqual(surname);
    }

    private bool Compatible(in Mention m, int pronoun) =>
        Has(pronoun, WordClass.PersonPronoun) ? m.Role == SourceNounRole.Person
        : Has(pronoun, WordClass.ThingPronoun) ? m.Role == SourceNounRole.Organization
        : m.Role is SourceNounRole.Group or SourceNounRole.Organization;

    /// <summary>
    /// Whether a mention — its words as written, or its label — holds every word of the tokens [start, end) (defence =
    /// defense, singular = plural). Compares token keys and folded label characters in place: no string is built.
    /// </summary>
    private bool ContainsAll(in Mention m, int start, int end)
    {
        var first = _doc.TokenIndexAt(m.Start);
        var last = Math.Min(_count, Math.Min(_doc.TokenIndexAt(m.End - 1) + 1, first + 24));
        for (var j = start; j < end; j++)
        {
            if (!IsWord(j))
            {
                continue;
            }

            var w = Spelling(_doc.KeyOf(T[j]));
            var found = false;
            for (var k = first; k < last && !found; k++)
            {
                _ws.Steps++;
                found = IsWord(k) && SameWord(Spelling(_doc.KeyOf(T[k])), w);
            }

            if (!found && !LabelHasWord(m.Label, w))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> Spelling(ReadOnlySpan<char> key) => key.SequenceEqual("defence") ? "defense" : key;

    private static bool SameWord(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.SequenceEqual(b)
        || (a.Length == b.Length + 1 && a[^1] == 's' && a[..^1].SequenceEqual(b))
        || (b.Length == a.Length + 1 && b[^1] == 's' && b[..^1].SequenceEqual(a));

    /// <summary>Whether a label has the (folded) word among its words, compared case-folded in place.</summary>
    private static bool LabelHasWord(string label, ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[32];
        var i = 0;
        while (i < label.Length)
        {
            while (i < label.Length && !char.IsLetterOrDigit(label[i]))
            {
                i++;
            }

            var start = i;
            while (i < label.Length && char.IsLetterOrDigit(label[i]))
            {
                i++;
            }

            var length = i - start;
            if (length == 0 || length > buffer.Length)
            {
                continue;
            }

            for (var k = 0; k < length; k++)
            {
                buffer[k] = CharFolding.FoldCase(label[start + k]);
            }

            if (SameWord(Spelling(buffer[..length]), word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>we</c>/<c>I</c>/<c>our</c>: the speaker of the attribution whose content holds the pronoun.</summary>
    private void ResolveSpeakerPronouns()
    {
        var found = Found;
        var byContent = _ws.ByContent;
        byContent.Clear();
        var sorted = false;
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            if (f.Resolved || !f.HasSource || f.SourceOf >= 0 || f.Dropped || !Has(f.SourceStart, WordClass.SpeakerPronoun))
            {
                continue;
            }

            if (!sorted)
            {
                for (var k = 0; k < found.Count; k++)
                {
                    if (found[k].HasContent)
                    {
                        byContent.Add((found[k].ContentStart, k));
                    }
                }

                byContent.Sort();
                sorted = true;
            }

            var at = T[f.SourceStart].Start;
            int lo = 0, hi = byContent.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (byContent[mid].Key <= at)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            // The speaker of the innermost quotation that holds the pronoun, else of any content that holds it.
            for (var k = lo - 1; k >= 0 && lo - k <= 32; k--)
            {
                _ws.Steps++;
                var quoted = found[byContent[k].Index];
                if (byContent[k].Index != i && quoted.ContentEnd > at && quoted.Mode == AttributionMode.Direct && quoted.HasSource && !quoted.Nested)
                {
                    (lo, k) = (k + 1, -1);
                }
            }

            for (var k = lo - 1; k >= 0 && lo - k <= 32; k--)
            {
                _ws.Steps++;
                var owner = found[byContent[k].Index];
                if (byContent[k].Index != i && owner.ContentEnd > at && owner.HasSource && !Has(owner.SourceStart, WordClass.SpeakerPronoun) && owner.Resolved)
                {
                    (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (owner.Label, owner.Type, owner.Role, SourceResolution.Pronoun, true);
                    break;
                }

                if (byContent[k].Index != i && owner.ContentEnd > at && owner.HasSource && owner.SourceOf >= 0 && found[owner.SourceOf].Resolved)
                {
                    var root = found[owner.SourceOf];
                    (f.Label, f.Type, f.Role, f.Resolution, f.Resolved) = (root.Label, root.Type, root.Role, SourceResolution.Pronoun, true);
                    break;
                }
            }

            found[i] = f;
        }
    }

    /// <summary>The core of the noun phrase [ss, se): without leading articles, cut before an appositive (its comma).</summary>
    private (int Start, int End) CoreOf(int ss, int se)
    {
        var core = ss;
        while (core < se - 1 && Has(core, WordClass.Determiner) && !Has(core, WordClass.Possessive) && !IsPronominalDeterminer(core))
        {
            core++;
        }

        var coreEnd = core;
        while (coreEnd < se && !IsPunct(coreEnd, ','))
        {
            coreEnd++;
        }

        if (coreEnd == core)
        {
            coreEnd = se;
        }

        return (core, coreEnd);
    }

    /// <summary>The label as written: without leading articles and appositive, whitespace collapsed; typed by its nouns.</summary>
    private void Written(ref FoundAttribution f, int ss, int se)
    {
        var (core, coreEnd) = CoreOf(ss, se);

        f.Label = TextOf(core, coreEnd);
        if (coreEnd - core == 1 && Has(core, WordClass.Pronoun))
        {
            f.Label = _ws.Intern(_doc.KeyOf(T[core]));
        }

        var (type, role) = TypeFromNouns(ss, se);
        f.Type = type ?? AttributionSourceTypes.Unknown;
        if (role is not null)
        {
            f.Role = role.Value;
        }

        f.Resolved = true;
    }

    /// <summary>The type of a source from the source nouns it contains (priority order documented on the class).</summary>
    private (string? Type, SourceNounRole? Role) TypeFromNouns(int ss, int se)
    {
        string? special = null;
        SourceNounRole? specialRole = null;
        string? organization = null;
        string? person = null;
        string? group = null;
        SourceNounRole? firstRole = null;
        SourceNounRole? headRole = null;
        var j = ss;
        while (j < se)
        {
            _ws.Steps++;
            if (NounAt(j) is not { } n || j + n.Length > se)
            {
                j++;
                continue;
            }

            var type = n.Noun.Type;
            var role = n.Plural ? SourceNounRole.Group : n.Noun.Role;
            firstRole ??= role;
            headRole = role;
            var rank = SpecialRank(type);
            if (type == AttributionSourceTypes.Unknown)
            {
                // Document-like nouns (report, poll, photos) make a noun phrase a source but say nothing of its type.
            }
            else if (rank > 0 && (special is null || rank < SpecialRank(special)))
            {
                special = type;
                specialRole = role;
            }
            else if (rank == 0)
            {
                switch (n.Noun.Role)
                {
                    case SourceNounRole.Organization:
                        organization ??= type;
                        break;
                    case SourceNounRole.Person:
                        person ??= type;
                        break;
                    default:
                        group ??= type;
                        break;
                }
            }

            j += n.Length;
        }

        // The head noun's role (the last noun) decides pronoun compatibility; the type follows the priority order.
        var chosen = special ?? organization ?? person ?? group;
        return (chosen, headRole ?? specialRole ?? firstRole);
    }

    private static int SpecialRank(string type) => type switch
    {
        AttributionSourceTypes.Anonymous => 1,
        AttributionSourceTypes.SocialMedia => 2,
        AttributionSourceTypes.Media => 3,
        AttributionSourceTypes.InternationalOrganization => 4,
        _ => 0,
    };

    private static SourceNounRole? RoleOfEntity(string type) => type switch
    {
        "PERSON" or "PER" => SourceNounRole.Person,
        "ORG" or "GPE" or "FAC" => SourceNounRole.Organization,
        "NORP" => SourceNounRole.Group,
        _ => null,
    };

    private static string TypeOfEntity(string type, bool metonym) => type switch
    {
        "GPE" => AttributionSourceTypes.Official,
        _ when metonym => AttributionSourceTypes.Official,
        _ => AttributionSourceTypes.Unknown,
    };

    private bool IsAllCaps(int start, int end)
    {
        for (var j = start; j < end; j++)
        {
            if (IsWord(j) && !T[j].Has(TokenFlags.AllCaps))
            {
                return false;
            }
        }

        return end > start;
    }

    /// <summary>The text of tokens [start, end) with whitespace runs collapsed to one space.</summary>
    private string TextOf(int start, int end)
    {
        var from = T[start].Start;
        var to = T[end - 1].End;
        var span = _text.AsSpan(from, to - from);
        var simple = true;
        for (var k = 0; k < span.Length && simple; k++)
        {
            var c = span[k];
            simple = c == ' ' ? k == 0 || span[k - 1] != ' ' : c > ' ' || !char.IsWhiteSpace(c);
        }

        if (simple)
        {
            return _ws.Intern(span);
        }

        return WhiteSpaceRuns.Collapse(span);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
