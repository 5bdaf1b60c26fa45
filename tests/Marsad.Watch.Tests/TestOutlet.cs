using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marsad.Tests.Watch;

/// <summary>
/// A local outlet for the tests: Kestrel on 127.0.0.1 (never another address), routes set per test, every request
/// counted and its headers kept. Unknown paths (robots.txt by default) answer 404.
/// </summary>
public sealed class TestOutlet : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, IHeaderDictionary Headers)> _requests = new();

    private TestOutlet(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyCollection<(string Path, IHeaderDictionary Headers)> Requests => _requests;

    public static async Task<TestOutlet> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var outlet = new TestOutlet(app);
        app.Run(outlet.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        outlet.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        outlet.BaseUrl.IsLoopback.ShouldBeTrue();
        return outlet;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>A fixed body; with <paramref name="etag"/>, a matching If-None-Match gets 304.</summary>
    public void MapText(string path, string contentType, string body, string? etag = null, Encoding? encoding = null)
    {
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(body);
        Map(path, async ctx =>
        {
            if (etag is not null)
            {
                ctx.Response.Headers.ETag = etag;
                if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
                {
                    ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }

            ctx.Response.ContentType = contentType;
            await ctx.Response.Body.WriteAsync(bytes);
        });
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value + ctx.Request.QueryString.Value;
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        // Kestrel reuses header objects after the response: keep a copy.
        _requests.Enqueue((path, new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase))));
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(ctx);
        }
        else
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
