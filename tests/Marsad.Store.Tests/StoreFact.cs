using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Marsad.Tests.Store;

/// <summary>
/// A fact of the store suite. The suite is written once (<see cref="StoreContractTests"/>) and run per backend;
/// in a class marked <see cref="PostgresBackendAttribute"/> it is skipped, with the reason, when no PostgreSQL
/// server is reachable through <c>MARSAD_TEST_PG</c>.
/// </summary>
[XunitTestCaseDiscoverer("Marsad.Tests.Store.StoreFactDiscoverer", "Marsad.Store.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class that runs against PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresBackendAttribute : Attribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        var isPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresBackendAttribute)).Any();
        if (isPostgres && PostgresTestServer.SkipReason is { } reason)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, reason, null);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, options, testMethod);
        }
    }
}

/// <summary>A fact that needs the PostgreSQL test server; skipped, with the reason, when none is reachable.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>The PostgreSQL server the tests use: <c>MARSAD_TEST_PG</c> (a connection string), probed once.</summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "MARSAD_TEST_PG";

    private static readonly Lazy<string?> Probe = new(ProbeServer);

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Null when reachable; else why the PostgreSQL tests are skipped.</summary>
    public static string? SkipReason => Probe.Value;

    private static string? ProbeServer()
    {
        var cs = ConnectionString;
        if (string.IsNullOrWhiteSpace(cs))
        {
            return $"PostgreSQL tests skipped: {EnvironmentVariable} is not set (e.g. 'Host=127.0.0.1;Port=55432;Username=postgres;Database=marsad_test'; .ci/services/postgres.sh starts one).";
        }

        try
        {
            var b = new NpgsqlConnectionStringBuilder(cs) { Timeout = 3 };
            using var c = new NpgsqlConnection(b.ToString());
            c.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            return $"PostgreSQL tests skipped: no server reachable at {EnvironmentVariable} ({e.Message}).";
        }
    }
}
