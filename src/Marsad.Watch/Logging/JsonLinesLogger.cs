using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Marsad.Watch.Logging;

/// <summary>
/// Structured logs as JSON Lines on a writer (stderr for <c>marsad watch</c>): time, level, event, category, message,
/// and every named value of the message template as its own field.
/// </summary>
public sealed class JsonLinesLoggerProvider(TextWriter writer, TimeProvider time, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(this, categoryName);

    public void Dispose() => writer.Flush();

    private void Write(string category, LogLevel level, EventId eventId, string message, IReadOnlyList<KeyValuePair<string, object?>>? values, Exception? exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", time.GetUtcNow());
            json.WriteString("level", level.ToString());
            json.WriteNumber("event", eventId.Id);
            json.WriteString("category", category);
            json.WriteString("message", message);
            foreach (var (key, value) in values ?? [])
            {
                if (key == "{OriginalFormat}")
                {
                    continue;
                }

                var name = char.ToLowerInvariant(key[0]) + key[1..];
                switch (value)
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case int or long or double:
                        json.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case DateTimeOffset t:
                        json.WriteString(name, t);
                        break;
                    default:
                        json.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            if (exception is not null)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private sealed class JsonLinesLogger(JsonLinesLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            provider.Write(category, logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>>, exception);
        }
    }

    internal LogLevel Minimum => minimum;
}
