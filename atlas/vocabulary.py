"""The controlled vocabularies of a case file, each value with a label and a definition.

Every enum here is the single source for what a case file may say, what the UI shows
as a label, what a tooltip explains, and what the JSON Schema offers an editor.
"""

from __future__ import annotations

from enum import Enum


class Term(str, Enum):
    """A vocabulary value that carries its own human label and one-line definition."""

    label: str
    definition: str

    def __new__(cls, value: str, label: str, definition: str) -> Term:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.definition = definition
        return obj

    def __str__(self) -> str:
        return self.value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        # Editors (yaml-language-server) show these next to each allowed value.
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["enumDescriptions"] = [f"{t.label}: {t.definition}" for t in cls]
        schema["description"] = cls.__doc__ or schema.get("description", "")
        return schema

    @classmethod
    def values(cls) -> list[str]:
        return [t.value for t in cls]

    @classmethod
    def labels(cls) -> dict[str, str]:
        return {t.value: t.label for t in cls}

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label of a value, or the value itself when it is not in the vocabulary."""
        try:
            return cls(value).label
        except ValueError:
            return value


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


class Industry(Term):
    """The primary industry of the case."""

    AGRICULTURE = ("agriculture", "Agriculture", "Farming, rural producers and food supply.")
    MANUFACTURING = (
        "manufacturing",
        "Manufacturing",
        "Factories, industrial equipment and the machines they make.",
    )
    AUTOMOTIVE = ("automotive", "Automotive", "Carmakers and the cars they sell.")
    CONSUMER_ELECTRONICS = (
        "consumer_electronics",
        "Consumer electronics",
        "Phones, wearables, cameras and other devices people buy.",
    )
    RETAIL = ("retail", "Retail & e-commerce", "Shops, online marketplaces and consumer brands.")
    FOOD_SERVICE = (
        "food_service",
        "Food service",
        "Restaurants, bakeries, cafés and meal delivery.",
    )
    TRANSPORTATION = (
        "transportation",
        "Transportation & mobility",
        "Taxis, ride-hailing, bikes and public transport.",
    )
    LOGISTICS = ("logistics", "Logistics", "Freight, warehousing and parcel delivery.")
    FINANCE = (
        "finance",
        "Finance & payments",
        "Banks, payments, lending, wealth management and insurance.",
    )
    TELECOM = (
        "telecom",
        "Telecommunications",
        "Network operators and the voice, SMS and data services they sell.",
    )
    INTERNET_SERVICES = (
        "internet_services",
        "Internet services",
        "Messaging, social networks, search and online platforms.",
    )
    MEDIA = (
        "media",
        "Media & entertainment",
        "Video, music, publishing, games and their rental or sale.",
    )
    HEALTHCARE = ("healthcare", "Healthcare", "Hospitals, clinics, medicines and health services.")
    EDUCATION = ("education", "Education", "Schools, universities and training.")
    ENERGY = ("energy", "Energy & utilities", "Power, oil, gas, water and the grids behind them.")
    CONSTRUCTION = (
        "construction",
        "Construction & real estate",
        "Building, property and infrastructure.",
    )
    TRAVEL = ("travel", "Travel & hospitality", "Hotels, airlines, tourism and booking.")
    GOVERNMENT = (
        "government",
        "Government & public services",
        "Public administration and services to citizens and firms.",
    )
    CONGLOMERATE = (
        "conglomerate",
        "Conglomerate",
        "A group spanning several industries, judged as a whole.",
    )


class ConnectionType(Term):
    """Who gets newly linked to whom."""

    USER_DRIVER = (
        "user_driver",
        "User – driver",
        "Riders linked directly to drivers, matched in real time.",
    )
    USER_MERCHANT = (
        "user_merchant",
        "User – merchant",
        "Shoppers linked to shops, restaurants and brands, to buy and to pay.",
    )
    USER_SERVICE = (
        "user_service",
        "User – service",
        "People linked to a service they use often: payments, finance, health, media.",
    )
    USER_USER = (
        "user_user",
        "User – user",
        "People linked to each other: messaging, social networks, peer-to-peer exchange.",
    )
    USER_CONTENT = (
        "user_content",
        "User – content",
        "People linked to news, video, music or official accounts that publish to them.",
    )
    DEVICE_CLOUD = (
        "device_cloud",
        "Device – cloud (IoT/IoE)",
        "Products and machines linked to the maker's cloud, sending data and taking updates.",
    )
    ENTERPRISE_SUPPLY_CHAIN = (
        "enterprise_supply_chain",
        "Enterprise – supply chain",
        "A firm linked to its suppliers, plants, logistics and dealers through shared data.",
    )
    ENTERPRISE_EMPLOYEE = (
        "enterprise_employee",
        "Enterprise – employees",
        "A firm's own people, processes and management linked on digital platforms.",
    )
    PRODUCER_CONSUMER = (
        "producer_consumer",
        "Producer – consumer",
        "Farmers and makers selling straight to end buyers, without the old middlemen.",
    )
    CITIZEN_GOVERNMENT = (
        "citizen_government",
        "Citizen – government",
        "Citizens and firms linked to public services online.",
    )


class Ownership(Term):
    """Who owns the organisation at the heart of the case."""

    STATE_OWNED = (
        "state_owned",
        "State-owned",
        "Controlled by the state, such as a central SOE supervised by SASAC.",
    )
    LISTED = ("listed", "Listed company", "Shares traded on a public stock exchange.")
    PRIVATE = ("private", "Private company", "Privately held, past the start-up stage.")
    STARTUP = ("startup", "Start-up", "A young, venture-funded company.")
    SME = ("sme", "Small or medium firm", "A small or medium-sized business.")
    PUBLIC_SECTOR = (
        "public_sector",
        "Public sector",
        "A government body or public programme rather than a company.",
    )


class Region(Term):
    """Where the case mainly plays out."""

    CHINA = ("china", "China", "Mainland China.")
    NORTH_AMERICA = ("north_america", "North America", "The United States and Canada.")
    EUROPE = ("europe", "Europe", "The countries of Europe, the UK included.")
    ASIA_PACIFIC = (
        "asia_pacific",
        "Asia-Pacific (other)",
        "Asia and Oceania outside mainland China.",
    )
    LATIN_AMERICA = ("latin_america", "Latin America", "Central and South America.")
    AFRICA = ("africa", "Africa", "The countries of Africa.")
    MIDDLE_EAST = ("middle_east", "Middle East", "West Asia and the Gulf.")
    GLOBAL = ("global", "Global", "Many regions at once, with no single home market.")


class Technology(Term):
    """Technologies the transformation relies on."""

    MOBILE_APPS = ("mobile_apps", "Mobile apps", "Smartphone apps as the main channel.")
    MOBILE_PAYMENT = (
        "mobile_payment",
        "Mobile payment",
        "Paying by phone: wallets, QR codes, in-app payment.",
    )
    LOCATION_SERVICES = (
        "location_services",
        "Location services",
        "GPS and maps to match people and things nearby.",
    )
    SOCIAL_MEDIA = (
        "social_media",
        "Social media & messaging",
        "Messaging, feeds and sharing between people.",
    )
    ECOMMERCE = ("ecommerce", "E-commerce", "Online stores and marketplaces.")
    CLOUD = ("cloud", "Cloud computing", "Computing and storage rented as a service.")
    BIG_DATA = ("big_data", "Big data & analytics", "Large-scale data collection and analysis.")
    AI = ("ai", "Artificial intelligence", "Machine learning, prediction and automation.")
    IOT = ("iot", "Internet of Things", "Sensors and connected devices sending data.")
    OTA_UPDATES = (
        "ota_updates",
        "Over-the-air updates",
        "Software delivered to a product after it is sold.",
    )
    DIGITAL_PLATFORM = (
        "digital_platform",
        "Digital platform",
        "A shared system on which many parties transact or work.",
    )
    QR_CODES = ("qr_codes", "QR codes", "Codes that link the physical world to an online service.")
    BLOCKCHAIN = ("blockchain", "Blockchain", "Shared ledgers for records and transactions.")
    FIVE_G = ("5g", "5G networks", "Fifth-generation mobile networks.")
    DIGITAL_MEDIA = (
        "digital_media",
        "Digital media",
        "Streaming, digital photos and other media with no physical carrier.",
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


#: Every vocabulary, by the field name that uses it, for UI labels and docs.
VOCABULARIES: dict[str, type[Term]] = {
    "industry": Industry,
    "connection_types": ConnectionType,
    "outcome": Outcome,
    "mode": Mode,
    "thinking": Thinking,
    "stage": Stage,
    "region": Region,
    "ownership": Ownership,
    "technologies": Technology,
    "evidence": Evidence,
    "ideas": Idea,
    "kind": SourceKind,
}


def label_for(field: str, value: str) -> str:
    """The human label of a value of a vocabulary field, e.g. ('mode', 'internet_plus')."""
    vocab = VOCABULARIES.get(field)
    return vocab.label_of(value) if vocab else value


def definition_for(field: str, value: str) -> str:
    vocab = VOCABULARIES.get(field)
    try:
        return vocab(value).definition if vocab else ""
    except ValueError:
        return ""
