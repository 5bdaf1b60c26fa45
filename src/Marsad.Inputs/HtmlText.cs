using System.Text;
using AngleSharp.Dom;

namespace Marsad.Inputs;

/// <summary>Turns a DOM subtree into text: whitespace collapsed within a paragraph, one line per block.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADDRESS", "ARTICLE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE",
        "H1", "H2", "H3", "H4", "H5", "H6", "HR", "LI", "MAIN", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY",
        "TD", "TH", "TR", "UL", "BODY", "CENTER", "DETAILS", "SUMMARY",
    };

    public static string Extract(INode root)
    {
        var sb = new StringBuilder();
        var line = new StringBuilder();
        Walk(root, sb, line);
        Flush(sb, line);
        return sb.ToString();
    }

    /// <summary>Depth-first, with an explicit stack (no recursion, so any depth is safe).</summary>
    private static void Walk(INode root, StringBuilder sb, StringBuilder line)
    {
        // Each frame: the node whose children are being visited, the next child's index, and whether it is a block.
        var stack = new Stack<(INode Node, int Next, bool Block)>();
        stack.Push((root, 0, false));
        while (stack.Count > 0)
        {
            var (node, next, block) = stack.Pop();
            var children = node.ChildNodes;
            if (next >= children.Length)
            {
                if (block)
                {
                    Flush(sb, line);
                }

                continue;
            }

            stack.Push((node, next + 1, block));
            switch (children[next])
            {
                case IText t:
                    AppendCollapsed(line, t.Data);
                    break;
                case IElement e:
                    var childBlock = BlockTags.Contains(e.LocalName);
                    if (childBlock)
                    {
                        Flush(sb, line);
                    }

                    stack.Push((e, 0, childBlock));
                    break;
                default:
                    break;
            }
        }
    }

    private static void AppendCollapsed(StringBuilder line, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                line.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder sb, StringBuilder line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            end--;
        }

        if (end > 0)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line, 0, end);
        }

        line.Clear();
    }
}
