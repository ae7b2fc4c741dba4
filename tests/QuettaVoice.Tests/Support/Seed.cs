namespace QuettaVoice.Tests.Support;

/// <summary>The paper's first story, as the build copies it from <c>seeds/</c>, and what it says.</summary>
public static class Seed
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "seeds", "000_34bce44fc3001c29.txt");

    public static string Text => File.ReadAllText(FilePath);

    public const string Headline = "Russia has officially recognized the Taliban-led government in Afghanistan";
    public const string Slug = "russia-has-officially-recognized-the-taliban-led-government-in-afghanistan";

    /// <summary>Published at the test clock's start: 3 July 2025 in Quetta.</summary>
    public const string Permalink = "/2025/07/03/" + Slug;

    /// <summary>The seven paragraphs of the story, as written (the first without its dateline).</summary>
    public static readonly string[] Paragraphs =
    [
        "In a historic and unprecedented diplomatic move, Russia has officially recognized the Taliban-led government in Afghanistan, marking the first formal recognition of the regime since its takeover in August 2021. The announcement followed Moscow’s acceptance of credentials from a newly appointed Afghan ambassador.",
        "In a statement released on Thursday, the Russian Foreign Ministry expressed its intent to deepen bilateral cooperation with Kabul, particularly in the areas of security, trade, and counter-terrorism. The ministry emphasized that the formal recognition is expected to open the door for expanded engagement across multiple sectors, including energy, agriculture, infrastructure, and transportation.",
        "“We believe that this official acknowledgment of the Islamic Emirate of Afghanistan’s government will pave the way for productive cooperation between our nations,” the statement noted. Moscow also reaffirmed its support for Afghanistan in tackling shared challenges such as terrorism and drug trafficking.",
        "The Taliban welcomed the decision, calling it a “brave” and strategic step. Afghan Foreign Minister Amir Khan Muttaqi said the recognition would hopefully set a precedent for other nations. “We value this courageous move by Russia. God willing, it will inspire others to follow suit,” Muttaqi said in a statement.",
        "Although several countries — including China, the UAE, Pakistan, and Uzbekistan — have appointed ambassadors to Kabul, none had officially recognized the Taliban government until now. Russia’s decision is a significant diplomatic breakthrough for the Taliban, which has struggled to gain international legitimacy amid ongoing sanctions and isolation.",
        "The development is expected to draw close attention from the United States and Western allies. Since the Taliban’s return to power, Washington has frozen billions of dollars in Afghan central bank reserves and imposed sanctions on several Taliban leaders, effectively cutting Afghanistan off from the global banking system.",
        "As Russia positions itself as a key partner to the Taliban administration, analysts believe this move could reshape regional dynamics and encourage other countries to reconsider their diplomatic stance toward Afghanistan.",
    ];

    public const string BioStart = "Quetta Voice is an English Daily covering all unfolding political, economic and social issues relating to Balochistan";

    public static readonly string[] Furniture =
    [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Screenshot",
    ];
}
