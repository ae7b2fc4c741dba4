using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using QuettaVoice.Web.Caching;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Health;
using StackExchange.Redis;

namespace QuettaVoice.Web.Scaling;

public static class SharedStateServices
{
    /// <summary>The folder of the data folder that holds the key ring on one server.</summary>
    public const string KeyRingFolderName = "keys";

    /// <summary>
    /// What every instance of the site must agree on: the key ring that protects sign-in cookies and form
    /// tokens, and the store of cached pages, so that a cookie or a form from one instance is good on all of
    /// them and an eviction on one reaches all of them. On one server both stay local: the key ring in the
    /// data folder (so it survives a restart), the pages in memory. With <c>Redis:Configuration</c> both
    /// move to Redis.
    /// </summary>
    public static IHostApplicationBuilder AddSharedState(this IHostApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        builder.Services.AddSingleton(redis);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("QuettaVoice")
            // Every reader of a story gets a form token sealed with the key ring. AES-GCM seals in one pass
            // where the default (AES-CBC, then HMAC) takes two, which is measurable on a cached story page.
            // Keys made before keep the algorithm they were made with, so their cookies stay good.
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        if (!redis.IsConfigured)
        {
            dataProtection.PersistKeysToFileSystem(OwnerOnlyFile.Folder(new DataFolder(builder.DataDirectory()).File(KeyRingFolderName)));
            return builder;
        }

        var configuration = ConfigurationOptions.Parse(redis.Configuration!);
        // A Redis restart or a slow first connection must not stop the site: the client keeps retrying,
        // and /healthz says so meanwhile. While it is down a command fails at once rather than waiting in the
        // client's backlog for the whole timeout (5 s by default), so readers get their pages made afresh
        // instead of waiting on the cache for each one.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = ConnectionMultiplexer.Connect(configuration);
        // Registered through a factory, so the container closes the connection when the site stops.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => connection);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataFolder, ILogger<KeyRingWithLocalCopy>>((options, data, log) => options.XmlRepository =
            new KeyRingWithLocalCopy(new RedisXmlRepository(() => connection.GetDatabase(), redis.InstanceName + "data-protection-keys"), data, log));
        builder.Services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection);
            options.InstanceName = redis.InstanceName + "pages:";
        });
        builder.Services.AddSingleton<IEvictionCount, RedisEvictionCount>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return builder;
    }
}
