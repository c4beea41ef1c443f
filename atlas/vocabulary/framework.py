"""The framework's vocabularies: the ideas the cases illustrate, outcomes and evidence."""

from __future__ import annotations

from atlas.vocabulary.term import Term


class Mode(Term):
    """“+Internet” (the internet as a tool) or “Internet+” (a redesign of connections)."""

    PLUS_INTERNET = (
        "plus_internet",
        "+Internet",
        "The internet is added as a tool to an unchanged business "
        "(online orders, a website, O2O delivery).",
    )
    INTERNET_PLUS = (
        "internet_plus",
        "Internet+",
        "Internet thinking redesigns who is connected to whom and how the business "
        "earns its money.",
    )


class Thinking(Term):
    """Customer thinking (sell once) or user thinking (a lasting connection)."""

    CUSTOMER = (
        "customer",
        "Customer thinking",
        "Sell once and the relationship ends at the till.",
    )
    USER = (
        "user",
        "User thinking",
        "Own a lasting, frequent connection with people and earn from it over time.",
    )


class Stage(Term):
    """Informatization (offline work moved online) or digitalization (the model changes)."""

    INFORMATIZATION = (
        "informatization",
        "Informatization",
        "Offline work is moved online; the business, sales and management model stay as they were.",
    )
    DIGITALIZATION = (
        "digitalization",
        "Digitalization",
        "Data and connections change the business, sales or management model itself.",
    )


class Outcome(Term):
    """How the transformation turned out, by what its sources report."""

    SUCCESS = (
        "success",
        "Success",
        "Met its goals by the measures its sources report, and lasted.",
    )
    MIXED = (
        "mixed",
        "Mixed",
        "Some goals met, others missed, or success at a heavy cost.",
    )
    FAILURE = (
        "failure",
        "Failure",
        "Shut down, collapsed, was abandoned or missed its central goals.",
    )
    ONGOING = (
        "ongoing",
        "Ongoing",
        "Too early to judge: the transformation is still under way.",
    )


class Evidence(Term):
    """Whether the case is documented from public sources or an illustrative example."""

    DOCUMENTED = (
        "documented",
        "Documented",
        "A real organisation; every fact is taken from the public sources cited.",
    )
    ILLUSTRATIVE = (
        "illustrative",
        "Illustrative",
        "A made-up teaching example of a common pattern, not a real organisation.",
    )


class SourceKind(Term):
    """What sort of source a citation is."""

    PRIMARY = (
        "primary",
        "Primary",
        "The organisation's own filing, report or statement, or a government document.",
    )
    PRESS = ("press", "Press", "A reputable news organisation.")
    ACADEMIC = ("academic", "Academic", "A peer-reviewed paper, university case or book.")
    ANALYSIS = ("analysis", "Analysis", "A research firm, think tank or industry body.")
    REFERENCE = ("reference", "Reference", "An encyclopedia or other tertiary reference.")


class Idea(Term):
    """Ideas of the framework that the case illustrates."""

    CONNECTION_REDESIGN = (
        "connection_redesign",
        "Connection is the force",
        "The change comes from linking people, firms or devices that were not linked before.",
    )
    USER_THINKING = (
        "user_thinking",
        "From customers to users",
        "Value moves from one-off sales to a lasting, frequent connection.",
    )
    SIMPLE_PRODUCT_COMPLEX_MODEL = (
        "simple_product_complex_model",
        "Simple product, complex business model",
        "A feature that looks simple to its users carries a layered way of earning money.",
    )
    HARDWARE_AS_SERVICE = (
        "hardware_as_service",
        "Hardware becomes a service",
        "A product keeps a connection after the sale: updates, data, maintenance, subscriptions.",
    )
    INFORMATIZATION_TO_DIGITALIZATION = (
        "informatization_to_digitalization",
        "From informatization to digitalization",
        "Moving work online is not enough; the business, sales or management model must change.",
    )
    INTERNET_PLUS_POLICY = (
        "internet_plus_policy",
        "The 2015 Internet Plus plan",
        "China's 2015 action plan to join the internet with agriculture, industry, "
        "finance, transport and government.",
    )
    SOE_DIGITAL_TRANSFORMATION = (
        "soe_digital_transformation",
        "SOE digital transformation (2020)",
        "State-owned enterprises after SASAC's 2020 notice on accelerating their "
        "digital transformation.",
    )
    EPIDEMIC_STRESS_TEST = (
        "epidemic_stress_test",
        "The 2020 epidemic as a stress test",
        "Firms that had digitalized kept serving customers; others had to change at once.",
    )
    SME_LUXURY_AND_NECESSITY = (
        "sme_luxury_and_necessity",
        "A luxury and a necessity for small firms",
        "Small and medium firms need transformation most and can least afford it.",
    )
    INCUMBENT_DISRUPTED = (
        "incumbent_disrupted",
        "Incumbents disrupted",
        "An established business loses its connection with its customers to a newcomer.",
    )
    SUBSIDY_AND_BUBBLE = (
        "subsidy_and_bubble",
        "Subsidies, bubbles and failures",
        "Growth bought with subsidies or cheap capital, without a lasting connection, collapses.",
    )
    PLATFORM_ECOSYSTEM = (
        "platform_ecosystem",
        "Platforms and ecosystems",
        "One connection becomes the base on which many services are built.",
    )
