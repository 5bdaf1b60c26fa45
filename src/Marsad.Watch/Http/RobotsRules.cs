namespace Marsad.Watch.Http;

/// <summary>
/// robots.txt (RFC 9309) as it applies to Marsad: the group naming <c>marsad</c> (else <c>*</c>); the longest matching
/// Allow/Disallow path wins, Allow on a tie; <c>*</c> matches any run of characters and a final <c>$</c> the end.
/// <c>Crawl-delay</c> (not in the RFC, widely used) raises the delay between requests.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<(string Pattern, bool Allow)> _rules;

    private RobotsRules(IReadOnlyList<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed (no robots.txt: 4xx).</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Nothing allowed (robots.txt unreachable: 5xx or no answer).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    /// <param name="productToken">The crawler's name as robots.txt groups name it (<c>marsad</c>).</param>
    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(productToken);
        var ours = new List<(string, bool)>();
        var star = new List<(string, bool)>();
        TimeSpan? oursDelay = null, starDelay = null;
        bool matchedOurs = false, inOurs = false, inStar = false, lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent)
                {
                    // A new group starts.
                    inOurs = inStar = false;
                }

                var agent = value.ToLowerInvariant();
                if (agent == "*")
                {
                    inStar = true;
                }
                else if (agent.Length > 0 && productToken.Contains(agent, StringComparison.OrdinalIgnoreCase))
                {
                    inOurs = matchedOurs = true;
                }

                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (key is "allow" or "disallow")
            {
                // An empty Disallow allows everything: no rule.
                if (value.Length == 0)
                {
                    continue;
                }

                var rule = (value, key == "allow");
                if (inOurs)
                {
                    ours.Add(rule);
                }

                if (inStar)
                {
                    star.Add(rule);
                }
            }
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var sec) && sec >= 0)
            {
                var d = TimeSpan.FromSeconds(Math.Min(sec, 3600));
                if (inOurs)
                {
                    oursDelay = d;
                }

                if (inStar)
                {
                    starDelay = d;
                }
            }
        }

        return matchedOurs ? new RobotsRules(ours, oursDelay) : new RobotsRules(star, starDelay);
    }

    /// <summary>True when <paramref name="pathAndQuery"/> (starting with '/') may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        return Match(p, 0, path, 0, anchored);
    }

    private static bool Match(string p, int pi, string s, int si, bool anchored)
    {
        while (pi < p.Length)
        {
            if (p[pi] == '*')
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi + 1, s, k, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= s.Length || p[pi] != s[si])
            {
                return false;
            }

            pi++;
            si++;
        }

        return !anchored || si == s.Length;
    }
}
