"""The vocabularies that classify a case: industry, connection, ownership, region, technology."""

from __future__ import annotations

from atlas.vocabulary.term import Term


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
