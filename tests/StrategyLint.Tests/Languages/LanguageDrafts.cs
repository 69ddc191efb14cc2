namespace StrategyLint.Tests.Languages;

/// <summary>Short synthetic drafts for a fictitious country, one per language, none with front matter.</summary>
internal static class LanguageDrafts
{
    public const string French = """
        # Stratégie nationale de cybersécurité de la Norlande

        ## Axe 1 : Gouvernance

        Le Premier ministre confie à l’Agence nationale de la sécurité numérique la coordination de la mise en œuvre de
        la stratégie. Un comité de pilotage réunit les ministères, le secteur privé et la société civile ; il rend compte
        chaque année de l'avancement des actions au Parlement.

        ## Axe 2 : Réponse aux incidents

        L'État mettra en place, d'ici 2026, une équipe nationale de réponse aux incidents qui sera chargée de la veille et
        de l'alerte. Les opérateurs de services essentiels devront notifier les incidents graves dans les meilleurs délais.
        """;

    public const string Spanish = """
        # Estrategia Nacional de Ciberseguridad de Norlandia

        ## Eje 1: Gobernanza

        El Gobierno encarga a la Agencia Nacional de Ciberseguridad la coordinación de la implementación de la estrategia.
        Un consejo nacional reúne a los ministerios, al sector privado y a la sociedad civil, y presenta cada año un informe
        sobre los avances de las medidas.

        ## Eje 2: Respuesta a incidentes

        El Estado creará antes de 2026 un equipo nacional de respuesta a incidentes que se encargará de la alerta temprana.
        Los operadores de servicios esenciales deberán notificar los incidentes graves en un plazo de 72 horas.
        """;

    public const string German = """
        # Nationale Cybersicherheitsstrategie von Norland

        ## Ziele

        Die Regierung wird bis 2026 ein nationales Zentrum für Cybersicherheit aufbauen. Es soll die Zusammenarbeit
        zwischen den Behörden, der Wirtschaft und der Wissenschaft stärken und die Reaktion auf Sicherheitsvorfälle
        koordinieren.

        ## Kritische Infrastrukturen

        Die Betreiber kritischer Infrastrukturen müssen erhebliche Störungen innerhalb von 24 Stunden melden. Das Zentrum
        prüft die Umsetzung der Maßnahmen jedes Jahr und berichtet dem Parlament über den Fortschritt.
        """;

    public const string English = """
        # National Cybersecurity Strategy of Norland

        ## Objective 1: Governance

        The Prime Minister entrusts the National Digital Security Agency with coordinating the delivery of the strategy.
        A steering committee brings together the ministries, the private sector and civil society, and it reports every
        year to Parliament on the progress of the actions.

        ## Objective 2: Incident response

        The State will set up a national incident response team by 2026, which will be in charge of monitoring and early
        warning. Operators of essential services will have to report serious incidents without delay.
        """;
}
