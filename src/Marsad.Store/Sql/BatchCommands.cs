using System.Data.Common;
using System.Text.RegularExpressions;

namespace Marsad.Store.Sql;

/// <summary>
/// The statements of one write transaction, each created once and executed many times with new values: a batch
/// of documents parses (SQLite: prepares) every ingest statement once instead of once per document or row.
/// </summary>
internal sealed partial class BatchCommands(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, BatchCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>; its parameters are the <c>@name</c>s in the text.</summary>
    public BatchCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            var c = connection.CreateCommand();
            c.CommandText = sql;
            c.Transaction = transaction;
            var parameters = new Dictionary<string, DbParameter>(StringComparer.Ordinal);
            foreach (var name in ParameterNames().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
            {
                var p = c.CreateParameter();
                p.ParameterName = "@" + name;
                p.Value = DBNull.Value;
                c.Parameters.Add(p);
                parameters.Add(name, p);
            }

            command = new BatchCommand(c, parameters);
            _commands.Add(sql, command);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _commands.Values)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterNames();
}

/// <summary>One reusable statement: set the values, then execute.</summary>
internal sealed class BatchCommand(DbCommand command, Dictionary<string, DbParameter> parameters) : IAsyncDisposable
{
    /// <summary>Sets parameter <paramref name="name"/> (without '@'); null is SQL NULL.</summary>
    public BatchCommand Set(string name, object? value)
    {
        parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken ct) => command.ExecuteNonQueryAsync(ct);

    public Task<object?> ScalarAsync(CancellationToken ct) => command.ExecuteScalarAsync(ct);

    public Task<DbDataReader> ReaderAsync(CancellationToken ct) => command.ExecuteReaderAsync(ct);

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
