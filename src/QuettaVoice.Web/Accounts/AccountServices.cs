using Microsoft.AspNetCore.Identity;
using QuettaVoice.Web.Data;
using QuettaVoice.Web.Domain;

namespace QuettaVoice.Web.Accounts;

public static class AccountServices
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// ASP.NET Core Identity on the site's store: long passwords rather than character rules, lockout after
    /// five wrong passwords, and a cookie that scripts cannot read and other sites cannot send.
    /// </summary>
    public static IHostApplicationBuilder AddNewsAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<NewsUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // The user name is the email, which may hold any character an address may (o'brien@...): checked as an email instead.
                options.User.AllowedUserNameCharacters = "";
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<NewsDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<NewsUserClaimsFactory>();

        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "qv_auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            // A signed-in user without the role gets a plain 403, not a redirect that looks like success. Set on the
            // events Identity made, never on new ones: those hold the security-stamp check that ends the sessions of a
            // disabled account or a changed role.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // A disabled account or a changed role reaches open sessions within a minute, not the default half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddScoped<NewsroomAccounts>();
        return builder;
    }
}
