using YamlDotNet.RepresentationModel;

namespace Pipeline.Engine.Experiments;

/// <summary>
/// Writes params values into a params file's text in place, as a person would: only the value of each key that differs
/// is replaced (a block list element by element when the length is the same), comments, order, quoting of the other
/// keys and blank lines stay as they were. A key the file lacks is added under its group (with the group's indentation,
/// or inside a flow mapping); a key the values lack is commented out (block style) or removed (flow style). The result is
/// validated against the schema and must give exactly the values asked for, else nothing is written.
/// </summary>
internal static class ParamsFileEditor
{
    private sealed record Entry(YamlScalarNode Key, YamlNode Value, YamlMappingNode Parent);

    private sealed record Edit(int Start, int End, string Text);

    /// <param name="values">key → canonical value text (as <see cref="ParamValue.Canonical"/> writes it)</param>
    public static string Apply(string text, IReadOnlyDictionary<string, string> values, IReadOnlyList<ParamSpec> schema, string display)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (root is not null) Flatten(root, "", entries);
        var current = ParamsValidator.Lenient(schema, ParamsDocument.Parse(text, display)).All;
        var lines = new LineIndex(text);
        var edits = new List<Edit>();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (entries.TryGetValue(key, out var entry) && entry.Value is not YamlMappingNode)
            {
                if (current.TryGetValue(key, out var now) && now.Canonical == value) continue;
                edits.AddRange(Replace(entry, value, text));
            }
            else edits.Add(Insert(key, value, root, entries, text, lines));
        }
        var schemaKeys = schema.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in entries.Where(e => schemaKeys.Contains(e.Key) && !values.ContainsKey(e.Key)))
            edits.AddRange(Remove(entry, text, lines));
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
            result = result[..edit.Start] + edit.Text + result[edit.End..];
        Check(result, values, schema, display);
        return result;
    }

    private static void Flatten(YamlMappingNode node, string prefix, Dictionary<string, Entry> into)
    {
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar) continue;
            var name = prefix + scalar.Value;
            into[name] = new Entry(scalar, value, node);
            if (value is YamlMappingNode child) Flatten(child, name + ".", into);
        }
    }

    private static IEnumerable<Edit> Replace(Entry entry, string value, string text)
    {
        var node = entry.Value;
        if (node is YamlScalarNode { Value: "", Style: YamlDotNet.Core.ScalarStyle.Plain }) // "key:" with nothing after it
        {
            var colon = text.IndexOf(':', (int)entry.Key.End.Index);
            return [new Edit(colon + 1, colon + 1, " " + value)];
        }
        if (node is YamlSequenceNode { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } block && block.Children.Count > 0)
        {
            var elements = ElementsOf(value);
            if (elements is not null && elements.Count == block.Children.Count)
                return block.Children.Zip(elements, (child, element) => new Edit((int)child.Start.Index, (int)child.End.Index, element));
            return [new Edit((int)block.Start.Index, End(block, text), value)];
        }
        return [new Edit((int)node.Start.Index, End(node, text), value)];
    }

    /// <summary>The element texts of a canonical list ("[0.25, 'a, b']" → "0.25", "'a, b'"), or null for a scalar.</summary>
    private static List<string>? ElementsOf(string value)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(value));
        return stream.Documents[0].RootNode is YamlSequenceNode list
            ? list.Children.Select(c => value[(int)c.Start.Index..(int)c.End.Index]).ToList()
            : null;
    }

    private static Edit Insert(string key, string value, YamlMappingNode? root, Dictionary<string, Entry> entries, string text, LineIndex lines)
    {
        var segments = key.Split('.');
        var depth = segments.Length - 1;
        while (depth > 0 && !(entries.TryGetValue(string.Join('.', segments[..depth]), out var e) && e.Value is YamlMappingNode)) depth--;
        var parent = depth == 0 ? root : (YamlMappingNode)entries[string.Join('.', segments[..depth])].Value;
        var rest = segments[depth..];
        if (parent is { Style: YamlDotNet.Core.Events.MappingStyle.Flow })
        {
            var nested = $"{rest[^1]}: {value}";
            for (var i = rest.Length - 2; i >= 0; i--) nested = $"{rest[i]}: {{ {nested} }}";
            var close = End(parent, text) - 1;
            var at = close;
            while (at > 0 && text[at - 1] == ' ') at--;
            return new Edit(at, at, (parent.Children.Count > 0 ? ", " : "") + nested);
        }
        int indent;
        int position;
        if (parent is null || parent.Children.Count == 0)
        {
            indent = parent is null ? 0 : (int)entries[string.Join('.', segments[..depth])].Key.Start.Column - 1 + 2;
            position = parent is null ? text.Length : lines.After((int)entries[string.Join('.', segments[..depth])].Key.Start.Line);
        }
        else
        {
            indent = (int)((YamlScalarNode)parent.Children.First().Key).Start.Column - 1;
            position = lines.After(lines.LineOf(End(parent, text)));
        }
        var block = new System.Text.StringBuilder();
        if (position == text.Length && text.Length > 0 && !text.EndsWith('\n')) block.Append('\n');
        for (var i = 0; i < rest.Length; i++)
            block.Append(new string(' ', indent + 2 * i)).Append(rest[i]).Append(':').Append(i == rest.Length - 1 ? " " + value : "").Append('\n');
        return new Edit(position, position, block.ToString());
    }

    private static IEnumerable<Edit> Remove(Entry entry, string text, LineIndex lines)
    {
        if (entry.Parent.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            var (start, end) = ((int)entry.Key.Start.Index, End(entry.Value, text));
            var after = end;
            while (after < text.Length && text[after] == ' ') after++;
            if (after < text.Length && text[after] == ',') { end = after + 1; while (end < text.Length && text[end] == ' ') end++; }
            else
            {
                var before = start;
                while (before > 0 && text[before - 1] == ' ') before--;
                if (before > 0 && text[before - 1] == ',') start = before - 1;
            }
            return [new Edit(start, end, "")];
        }
        var first = (int)entry.Key.Start.Line;
        var last = Math.Max(first, lines.LineOf(End(entry.Value, text)));
        return Enumerable.Range(first, last - first + 1).Select(line =>
        {
            var at = lines.Start(line);
            while (at < text.Length && text[at] == ' ') at++;
            return new Edit(at, at, "# ");
        });
    }

    /// <summary>Where a node's text ends (YamlDotNet marks only the start of a collection): a scalar at its end mark, a
    /// flow collection after its closing bracket, a block collection where its last element ends.</summary>
    private static int End(YamlNode node, string text) => node switch
    {
        YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow } or YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } =>
            ClosingBracket(text, (int)node.Start.Index),
        YamlMappingNode m when m.Children.Count > 0 => m.Children.Max(c => Math.Max(End(c.Key, text), End(c.Value, text))),
        YamlSequenceNode q when q.Children.Count > 0 => q.Children.Max(c => End(c, text)),
        YamlScalarNode { Value: "", Style: YamlDotNet.Core.ScalarStyle.Plain } => (int)node.Start.Index,
        _ => (int)node.End.Index,
    };

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/>, skipping quoted text.</summary>
    private static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                for (i++; i < text.Length; i++)
                    if (text[i] == '\'') { if (i + 1 < text.Length && text[i + 1] == '\'') i++; else break; }
            }
            else if (c == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++) if (text[i] == '\\') i++;
            }
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && --depth == 0) return i + 1;
        }
        return text.Length;
    }

    private static void Check(string result, IReadOnlyDictionary<string, string> values, IReadOnlyList<ParamSpec> schema, string display)
    {
        var written = ParamsValidator.Validate(schema, ParamsDocument.Parse(result, display), display).All;
        var wrong = values.Where(v => !written.TryGetValue(v.Key, out var w) || w.Canonical != v.Value).Select(v => v.Key)
            .Concat(written.Keys.Where(k => !values.ContainsKey(k))).ToList();
        if (wrong.Count > 0)
            throw new UsageException($"{display}: writing the values in place would not give {string.Join(", ", wrong)} as asked; nothing was written");
    }

    /// <summary>Character offsets of line starts (lines 1-based, as YamlDotNet's marks count them).</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];
        private readonly int _length;

        public LineIndex(string text)
        {
            _length = text.Length;
            for (var i = 0; i < text.Length; i++) if (text[i] == '\n') _starts.Add(i + 1);
        }

        public int Start(int line) => line - 1 < _starts.Count ? _starts[line - 1] : _length;

        /// <summary>The line (1-based) a character offset is on; an offset at a line's end counts to that line.</summary>
        public int LineOf(int index)
        {
            var found = _starts.BinarySearch(Math.Max(0, index - 1));
            return (found >= 0 ? found : ~found - 1) + 1;
        }

        /// <summary>Where the line after <paramref name="line"/> starts (the end of the text after the last line).</summary>
        public int After(int line) => line < _starts.Count ? _starts[line] : _length;
    }
}
