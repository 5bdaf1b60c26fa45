using Marsad.Documents;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Web.Features.Actors;
using Marsad.Web.Features.Articles;
using Marsad.Web.Features.Auth;
using Marsad.Web.Features.Catalogues;
using Marsad.Web.Features.Config;
using Marsad.Web.Features.Events;
using Marsad.Web.Features.Export;
using Marsad.Web.Features.Ingest;
using Marsad.Web.Features.Review;
using Marsad.Web.Features.Watch;
using Marsad.Web.Infrastructure;

namespace Marsad.Web;

/// <summary>Runs a document through the extraction pipeline (assembled by the CLI, injected here).</summary>
public delegate AnnotatedDocument DocumentExtractor(Document document);

/// <summary>
/// <c>marsad serve</c>: the JSON API and the browser UI. <see cref="Build"/> makes a ready-to-run
/// <see cref="WebApplication"/>; <see cref="ConfigureServices"/>/<see cref="Configure"/> let a test host
/// (WebApplicationFactory) assemble the same application.
/// </summary>
public static class MarsadWebApp
{
    /// <summary>Builds the application on a store that is already migrated.</summary>
    public static WebApplication Build(WebOptions options, IMarsadStore store, DocumentExtractor? extractor = null, TimeProvider? time = null, WebCatalogues? catalogues = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MarsadWebApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ConfigureServices(builder.Services, options, store, extractor, time, catalogues);
        var app = builder.Build();
        Configure(app, options);
        return app;
    }

    /// <summary>The addresses a started application listens on (resolves port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>();
        return feature is null ? [] : [.. feature.Addresses];
    }

    public static void ConfigureServices(IServiceCollection services, WebOptions options, IMarsadStore store, DocumentExtractor? extractor = null, TimeProvider? time = null, WebCatalogues? catalogues = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        time ??= TimeProvider.System;
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton(time);
        services.AddSingleton(catalogues ?? WebCatalogues.Empty);
        services.AddSingleton(extractor ?? (d => AnnotatedDocument.Start(d)));
        services.AddSingleton(EmbeddedAssets.ForThisAssembly(time));
        services.AddSingleton<IngestService>();
        services.AddSingleton<EventIndex>();
        services.AddRouting();
        services.ConfigureHttpJsonOptions(j => WebJson.Configure(j.SerializerOptions));
        services.AddMarsadAuth(options);
        services.AddProblemDetails();
    }

    public static void Configure(IApplicationBuilder app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.ApplicationServices.GetRequiredService<EmbeddedAssets>();
        app.UseMarsadSecurityHeaders(options);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiErrors.Handle });
        app.UseStatusCodePages(ApiErrors.StatusCodePage);
        app.Use((ctx, next) =>
        {
            // The embedded provider lists no directories, so map "/" to the map page here.
            if (ctx.Request.Path == "/")
            {
                ctx.Request.Path = "/index.html";
            }

            return next(ctx);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = assets,
            ContentTypeProvider = StaticContentTypes.Provider,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMarsadAntiforgery();
        app.UseEndpoints(e =>
        {
            var api = e.MapGroup("/api");
            api.MapAuthEndpoints();
            api.MapConfigEndpoints();
            var read = api.MapGroup("");
            if (options.ReadRequiresSignIn)
            {
                read.RequireAuthorization(AuthSetup.ReaderPolicy);
            }

            read.AddEndpointFilter(EventFilters.Validate);
            read.MapEventEndpoints();
            read.MapArticleEndpoints();
            read.MapActorEndpoints();
            read.MapExportEndpoints();
            read.MapWatchEndpoints();
            read.MapCatalogueEndpoints();
            api.MapGroup("").RequireAuthorization(AuthSetup.ReviewerPolicy).AddEndpointFilter(EventFilters.Validate).MapReviewEndpoints();
            api.MapGroup("").RequireAuthorization(AuthSetup.ReviewerPolicy).MapIngestEndpoints();
        });
    }
}
