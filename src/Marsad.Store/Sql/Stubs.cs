namespace Marsad.Store;

internal sealed class SqliteStore(string path, TimeProvider time) : Sql.SqlStore(time)
{
    public override string Kind => "sqlite";

    public string Path { get; } = path;
}

internal sealed class PostgresStore(string connectionString, TimeProvider time) : Sql.SqlStore(time)
{
    public override string Kind => "postgres";

    public string ConnectionString { get; } = connectionString;
}
