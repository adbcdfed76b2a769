using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// The bot refuses to start on a PostgreSQL store it cannot use, with a message naming the server, the database
/// and the cause, and never the password. Runs on the test run's PostgreSQL server (<see cref="TestEventStores"/>).
/// </summary>
[TestFixture]
[Category("store-contract")]
public sealed class PostgresStartupTests
{
    // The newest script PostgreSQL migrates to: the messages name it, and it moves with every new migration.
    private static readonly int LatestVersion = Domain.EventSourcing.DatabaseMigrator.Scripts("PostgresMigrations/")[^1].Version;

    private const string Password = "s3cret-never-shown";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_connection_string_that_cannot_be_read_is_named_as_such()
    {
        var refused = Should.Throw<EventStoreServerException>(() => PostgresDatabase.Open($"Host=127.0.0.1;Port=five;Password={Password}", Clock));

        refused.Message.ShouldContain("the connection string cannot be read");
        refused.Message.ShouldNotContain(Password);
    }

    [Test]
    public void An_unreachable_server_is_named_with_its_database()
    {
        var port = ClosedPort();

        var refused = Should.Throw<EventStoreServerException>(() =>
            PostgresDatabase.Open($"Host=127.0.0.1;Port={port};Database=trading;Username=bot;Password={Password};Timeout=3", Clock));

        refused.Message.ShouldStartWith($"The event store on PostgreSQL server 127.0.0.1:{port}, database trading: ");
        refused.Cause.ShouldContain("connect", Case.Insensitive);
        refused.Message.ShouldNotContain(Password);
    }

    [Test]
    public void A_database_that_does_not_exist_is_named_with_the_server_s_answer()
    {
        var settings = new NpgsqlConnectionStringBuilder(TestEventStores.ServerConnectionString) { Database = "no_such_store", Password = Password };

        var refused = Should.Throw<EventStoreServerException>(() => PostgresDatabase.Open(settings.ConnectionString, Clock));

        refused.Message.ShouldContain($"server {settings.Host}:{settings.Port}, database no_such_store");
        refused.Cause.ShouldContain("3D000");
        refused.Message.ShouldNotContain(Password);
    }

    [Test]
    public void A_schema_newer_than_the_bot_s_is_refused()
    {
        using var store = new ScenarioStore(Domain.EventSourcing.EventStoreKind.Postgres);
        var connection = OpenAndClose(store);
        TestEventStores.Execute(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_later.sql', now())");

        var refused = Should.Throw<EventStoreServerException>(() => PostgresDatabase.Open(connection, Clock));

        refused.Cause.ShouldContain($"schema version 99, newer than version {LatestVersion}");
    }

    [Test]
    public void A_user_without_rights_is_refused_with_the_server_s_reason()
    {
        using var store = new ScenarioStore(Domain.EventSourcing.EventStoreKind.Postgres);
        var schema = new NpgsqlConnectionStringBuilder(OpenAndClose(store)).SearchPath!;
        using var user = new LoginRole();

        var refused = Should.Throw<EventStoreServerException>(() => PostgresDatabase.Open(user.ConnectionString(schema), Clock));

        refused.Cause.ShouldContain($"the user may not use schema {schema}");
        refused.Message.ShouldContain($"(schema {schema})");
        refused.Message.ShouldNotContain(LoginRole.Password);
    }

    [Test]
    public void An_older_schema_the_user_may_not_migrate_is_refused()
    {
        using var store = new ScenarioStore(Domain.EventSourcing.EventStoreKind.Postgres);
        var connection = OpenAndClose(store);
        var schema = new NpgsqlConnectionStringBuilder(connection).SearchPath!;
        TestEventStores.Execute(connection, "DELETE FROM schema_migrations WHERE version > 3");
        using var user = new LoginRole();
        TestEventStores.Execute(connection, $"GRANT USAGE ON SCHEMA {schema} TO {user.Name}; GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {user.Name}");

        var refused = Should.Throw<EventStoreServerException>(() => PostgresDatabase.Open(user.ConnectionString(schema), Clock));

        refused.Cause.ShouldContain($"schema version 3, older than version {LatestVersion} this bot runs on, and the user may not migrate it");
    }

    private static string OpenAndClose(ScenarioStore store)
    {
        using var database = store.Open(Clock);
        return database.ConnectionString;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }

    /// <summary>A login of the server with no rights of its own, dropped afterwards.</summary>
    private sealed class LoginRole : IDisposable
    {
        public const string Password = "role-s3cret";

        public LoginRole() => TestEventStores.Execute(TestEventStores.ServerConnectionString, $"CREATE ROLE {Name} LOGIN PASSWORD '{Password}'");

        public string Name { get; } = $"bot_{Guid.NewGuid():N}";

        public string ConnectionString(string schema) =>
            new NpgsqlConnectionStringBuilder(TestEventStores.ServerConnectionString) { Username = Name, Password = Password, SearchPath = schema }.ConnectionString;

        public void Dispose() => TestEventStores.Execute(TestEventStores.ServerConnectionString, $"DROP OWNED BY {Name}; DROP ROLE {Name}");
    }
}
