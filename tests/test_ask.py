"""Plain-words search: each phrasing with the exact filters and search text it gives.

A row is (what is typed, what is recognised, the search text left). In the recognised
dict a facet's values are written "a,b" and years as ints; `{}` means nothing was
recognised. Decisions the tables pin down:

- English matches whole words: "aircraft" is not "AI", "Chinatown" not China,
  "successor" not success. A word's plural is understood ("banks", "SMEs", "factories");
  other forms only where the synonym file lists them ("retailer", "failed", "flop").
- Quoted text stays text ("Failure Labs", 「失败实验室」); unquoted, "Failure Labs" reads
  as an outcome and the word "Labs".
- A phrase right after a negator stays text ("non-finance", "not failed", 不成功, 非金融).
- Numbers are years only with a cue ("since 2015", "in 2015", "2010-2015", 2015年):
  a bare "2015", "500 million" or "2000 stores" stay text, as do years before 1800.
- "after 2015" starts in 2016 and "before 2015" ends in 2014; Chinese 以后/以前 include
  the year.
- When nothing is recognised the text is kept whole, stop words too ("the cases").
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from atlas.ask import _parts, phrases_of, synonyms, understand
from atlas.facets import FACET_BY_PARAM, FACETS
from atlas.filters import MAX_SEARCH, Filters, from_query
from atlas.i18n import translator

ENGLISH = [
    # the example, and its parts
    (
        "failed finance cases with user-to-service connections since 2015",
        {"industry": "finance", "connection": "user_service", "outcome": "failure", "from": 2015},
        "",
    ),
    ("failures", {"outcome": "failure"}, ""),
    ("failure", {"outcome": "failure"}, ""),
    ("Failed", {"outcome": "failure"}, ""),
    ("FAILURES IN FINANCE", {"outcome": "failure", "industry": "finance"}, ""),
    ("flops in media", {"outcome": "failure", "industry": "media"}, ""),
    ("a flop", {"outcome": "failure"}, ""),
    ("collapsed lenders went bust", {"outcome": "failure"}, "lenders"),
    ("successful fintech", {"outcome": "success", "industry": "finance"}, ""),
    ("success stories", {"outcome": "success"}, ""),
    ("mixed results in healthcare", {"outcome": "mixed", "industry": "healthcare"}, ""),
    ("ongoing transformations in government", {"outcome": "ongoing", "industry": "government"}, ""),
    ("still under way", {"outcome": "ongoing"}, ""),
    ("in progress", {"outcome": "ongoing"}, ""),
    ("success or failure", {"outcome": "success,failure"}, ""),
    # industries
    ("banks", {"industry": "finance"}, ""),
    ("banking and payments", {"industry": "finance"}, ""),
    ("Finance & payments", {"industry": "finance"}, ""),
    ("finance and payments", {"industry": "finance"}, ""),
    ("P2P lending collapse", {"industry": "finance", "outcome": "failure"}, ""),
    ("peer-to-peer lending", {"industry": "finance"}, ""),
    ("retail", {"industry": "retail"}, ""),
    ("retailers", {"industry": "retail"}, ""),
    ("Retail & e-commerce", {"industry": "retail"}, ""),
    ("ride-hailing in China", {"industry": "transportation", "region": "china"}, ""),
    ("ride hailing", {"industry": "transportation"}, ""),
    ("taxis", {"industry": "transportation"}, ""),
    ("bike sharing bubble", {"industry": "transportation", "idea": "subsidy_and_bubble"}, ""),
    ("carmakers with over-the-air updates", {"industry": "automotive", "tech": "ota_updates"}, ""),
    ("cars", {"industry": "automotive"}, ""),
    ("smartphones", {"industry": "consumer_electronics"}, ""),
    ("factories", {"industry": "manufacturing"}, ""),
    (
        "restaurants during the 2020 epidemic",
        {"industry": "food_service", "idea": "epidemic_stress_test"},
        "",
    ),
    ("telcos", {"industry": "telecom"}, ""),
    ("telecom operators", {"industry": "telecom"}, ""),
    ("internet services", {"industry": "internet_services"}, ""),
    ("Internet companies", {"industry": "internet_services"}, ""),
    ("video streaming", {"industry": "media"}, ""),
    ("hospitals", {"industry": "healthcare"}, ""),
    ("online learning", {"industry": "education"}, ""),
    ("edtech startups", {"industry": "education", "ownership": "startup"}, ""),
    ("utilities", {"industry": "energy"}, ""),
    ("oil and gas", {"industry": "energy"}, ""),
    ("real estate", {"industry": "construction"}, ""),
    ("hotels and airlines", {"industry": "travel"}, ""),
    ("public services", {"industry": "government"}, ""),
    ("conglomerates", {"industry": "conglomerate"}, ""),
    ("farming in Africa", {"industry": "agriculture", "region": "africa"}, ""),
    ("courier and parcel firms", {"industry": "logistics"}, ""),
    (
        "finance, healthcare and education",
        {"industry": "finance,healthcare,education"},
        "",
    ),
    # connections
    ("user-driver", {"connection": "user_driver"}, ""),
    ("User – driver", {"connection": "user_driver"}, ""),
    ("users to drivers", {"connection": "user_driver"}, ""),
    ("riders and drivers", {"connection": "user_driver"}, ""),
    ("user to merchant", {"connection": "user_merchant"}, ""),
    ("user-to-user", {"connection": "user_user"}, ""),
    ("peer to peer", {"connection": "user_user"}, ""),
    ("users and content", {"connection": "user_content"}, ""),
    ("Device – cloud (IoT/IoE)", {"connection": "device_cloud"}, ""),
    ("device-to-cloud", {"connection": "device_cloud"}, ""),
    ("supply chains", {"connection": "enterprise_supply_chain"}, ""),
    ("enterprise-employees connections", {"connection": "enterprise_employee"}, ""),
    ("producers to consumers", {"connection": "producer_consumer"}, ""),
    ("direct-to-consumer", {"connection": "producer_consumer"}, ""),
    ("citizen-government", {"connection": "citizen_government"}, ""),
    # the framework
    ("+Internet", {"mode": "plus_internet"}, ""),
    ("Internet+", {"mode": "internet_plus"}, ""),
    ("internet plus", {"mode": "internet_plus"}, ""),
    ("plus internet", {"mode": "plus_internet"}, ""),
    ("customer thinking", {"thinking": "customer"}, ""),
    ("user thinking", {"thinking": "user"}, ""),
    ("customer thinking vs user thinking", {"thinking": "customer,user"}, ""),
    ("informatization", {"stage": "informatization"}, ""),
    ("digitalisation", {"stage": "digitalization"}, ""),
    (
        "from informatization to digitalization",
        {"idea": "informatization_to_digitalization"},
        "",
    ),
    ("hardware as a service", {"idea": "hardware_as_service"}, ""),
    ("subsidies", {"idea": "subsidy_and_bubble"}, ""),
    ("the 2015 Internet Plus plan", {"idea": "internet_plus_policy"}, ""),
    ("SASAC", {"idea": "soe_digital_transformation"}, ""),
    ("COVID-19", {"idea": "epidemic_stress_test"}, ""),
    ("incumbents disrupted", {"idea": "incumbent_disrupted"}, ""),
    ("platforms and ecosystems", {"idea": "platform_ecosystem"}, ""),
    ("illustrative", {"evidence": "illustrative"}, ""),
    ("documented failures", {"evidence": "documented", "outcome": "failure"}, ""),
    # regions and ownership
    ("European", {"region": "europe"}, ""),
    ("North America", {"region": "north_america"}, ""),
    ("United States", {"region": "north_america"}, ""),
    ("Latin America", {"region": "latin_america"}, ""),
    ("Asia-Pacific", {"region": "asia_pacific"}, ""),
    ("Middle East", {"region": "middle_east"}, ""),
    ("global", {"region": "global"}, ""),
    ("state-owned enterprises", {"ownership": "state_owned"}, ""),
    ("SOEs", {"ownership": "state_owned"}, ""),
    ("listed companies", {"ownership": "listed"}, ""),
    ("private companies", {"ownership": "private"}, ""),
    ("start-ups", {"ownership": "startup"}, ""),
    ("SMEs", {"ownership": "sme"}, ""),
    ("small businesses", {"ownership": "sme"}, ""),
    ("public sector", {"ownership": "public_sector"}, ""),
    # technologies
    ("mobile apps", {"tech": "mobile_apps"}, ""),
    ("mobile payments", {"tech": "mobile_payment"}, ""),
    ("QR codes", {"tech": "qr_codes"}, ""),
    ("AI", {"tech": "ai"}, ""),
    ("artificial intelligence", {"tech": "ai"}, ""),
    ("machine learning", {"tech": "ai"}, ""),
    ("Internet of Things", {"tech": "iot"}, ""),
    ("big data", {"tech": "big_data"}, ""),
    ("blockchain", {"tech": "blockchain"}, ""),
    ("5G", {"tech": "5g"}, ""),
    ("cloud computing", {"tech": "cloud"}, ""),
    ("SaaS", {"tech": "cloud"}, ""),
    ("social media", {"tech": "social_media"}, ""),
    ("digital platforms", {"tech": "digital_platform"}, ""),
    ("digital media", {"tech": "digital_media"}, ""),
    ("e-commerce", {"tech": "ecommerce"}, ""),
    ("ecommerce", {"tech": "ecommerce"}, ""),
    # years
    ("since 2015", {"from": 2015}, ""),
    ("after 2015", {"from": 2016}, ""),
    ("from 2015", {"from": 2015}, ""),
    ("2015 onwards", {"from": 2015}, ""),
    ("before 2015", {"to": 2014}, ""),
    ("until 2015", {"to": 2015}, ""),
    ("in 2015", {"from": 2015, "to": 2015}, ""),
    ("2010-2015", {"from": 2010, "to": 2015}, ""),
    ("2010–2015", {"from": 2010, "to": 2015}, ""),
    ("2010 to 2015", {"from": 2010, "to": 2015}, ""),
    ("from 2010 to 2015", {"from": 2010, "to": 2015}, ""),
    ("between 2010 and 2015", {"from": 2010, "to": 2015}, ""),
    ("2010-15", {"from": 2010, "to": 2015}, ""),
    ("in the 2010s", {"from": 2010, "to": 2019}, ""),
    ("from 2015 to 2010", {"from": 2010, "to": 2015}, ""),
    ("since 2015 until 2020", {"from": 2015, "to": 2020}, ""),
    # whole questions
    (
        "fintech failures in China since 2015",
        {"industry": "finance", "outcome": "failure", "region": "china", "from": 2015},
        "",
    ),
    (
        "which Internet+ cases failed before 2018?",
        {"outcome": "failure", "mode": "internet_plus", "to": 2017},
        "",
    ),
    (
        "state-owned manufacturing digitalization after 2020",
        {
            "industry": "manufacturing",
            "stage": "digitalization",
            "ownership": "state_owned",
            "from": 2021,
        },
        "",
    ),
    (
        "show me successful user thinking examples in retail",
        {"industry": "retail", "outcome": "success", "thinking": "user"},
        "",
    ),
    ("Tesla over-the-air updates", {"tech": "ota_updates"}, "Tesla"),
    ("Uber vs Didi in China", {"region": "china"}, "Uber Didi"),
    ("ofo bike-sharing failure", {"industry": "transportation", "outcome": "failure"}, "ofo"),
    ("WeChat user-to-user chat", {"connection": "user_user"}, "WeChat chat"),
    ("Failure Labs", {"outcome": "failure"}, "Labs"),  # unquoted: read as words
    # must not match: quoted names, words that contain a label, numbers, negations
    ('"Failure Labs"', {}, "Failure Labs"),
    ('"Failure Labs" failures', {"outcome": "failure"}, "Failure Labs"),
    ("“Success Academy” schools", {"industry": "education"}, "Success Academy"),
    ('"Bank of America"', {}, "Bank of America"),
    ('unclosed "Failure Labs', {}, "unclosed Failure Labs"),
    ("500 million users", {}, "500 million users"),
    ("2015", {}, "2015"),
    ("2000 stores", {"industry": "retail"}, "2000"),
    ("Quibi 2020", {}, "Quibi 2020"),
    ("since 1066", {}, "since 1066"),
    ("since 3000 failures", {"outcome": "failure"}, "since 3000"),
    ("aircraft", {}, "aircraft"),
    ("Chinatown", {}, "Chinatown"),
    ("successor", {}, "successor"),
    ("cloudy", {}, "cloudy"),
    ("mediation", {}, "mediation"),
    ("bankrolled", {}, "bankrolled"),
    ("non-finance", {}, "non-finance"),
    ("not failed", {}, "not failed"),
    ("no banks, failures only", {"outcome": "failure"}, "no banks only"),
    ("failed but not in finance", {"outcome": "failure"}, "but not finance"),
    ("e-government", {"industry": "government"}, ""),
    ("user", {}, "user"),
    ("users", {}, "users"),
    ("customers", {}, "customers"),
    ("listed", {}, "listed"),
    ("private", {}, "private"),
    ("the cases", {}, "the cases"),
    ("Tesla", {}, "Tesla"),
]

CHINESE = [
    ("2015年以来失败的金融案例", {"outcome": "failure", "industry": "finance", "from": 2015}, ""),
    ("失败", {"outcome": "failure"}, ""),
    ("失败的案例", {"outcome": "failure"}, ""),
    ("倒闭的共享单车", {"outcome": "failure", "industry": "transportation"}, ""),
    ("破产", {"outcome": "failure"}, ""),
    ("成功", {"outcome": "success"}, ""),
    ("成功的金融科技", {"outcome": "success", "industry": "finance"}, ""),
    ("成败参半", {"outcome": "mixed"}, ""),
    ("喜忧参半的零售案例", {"outcome": "mixed", "industry": "retail"}, ""),
    ("进行中", {"outcome": "ongoing"}, ""),
    ("正在进行的政务案例", {"outcome": "ongoing", "industry": "government"}, ""),
    ("成功或失败", {"outcome": "success,failure"}, ""),
    # industries
    ("金融", {"industry": "finance"}, ""),
    ("银行", {"industry": "finance"}, ""),
    ("金融与支付", {"industry": "finance"}, ""),
    ("支付", {"industry": "finance"}, ""),
    ("P2P网贷暴雷", {"industry": "finance", "outcome": "failure"}, ""),
    ("保险", {"industry": "finance"}, ""),
    ("零售", {"industry": "retail"}, ""),
    ("零售与电商", {"industry": "retail"}, ""),
    ("网约车", {"industry": "transportation"}, ""),
    ("共享单车", {"industry": "transportation"}, ""),
    ("交通出行", {"industry": "transportation"}, ""),
    ("物流", {"industry": "logistics"}, ""),
    ("快递", {"industry": "logistics"}, ""),
    ("制造业", {"industry": "manufacturing"}, ""),
    ("工厂", {"industry": "manufacturing"}, ""),
    ("汽车", {"industry": "automotive"}, ""),
    ("新能源汽车", {"industry": "automotive"}, ""),
    ("汽车行业", {"industry": "automotive"}, ""),
    ("消费电子", {"industry": "consumer_electronics"}, ""),
    ("手机", {"industry": "consumer_electronics"}, ""),
    ("餐饮", {"industry": "food_service"}, ""),
    ("外卖", {"industry": "food_service"}, ""),
    ("电信", {"industry": "telecom"}, ""),
    ("运营商", {"industry": "telecom"}, ""),
    ("互联网服务", {"industry": "internet_services"}, ""),
    ("媒体与娱乐", {"industry": "media"}, ""),
    ("视频", {"industry": "media"}, ""),
    ("医疗健康", {"industry": "healthcare"}, ""),
    ("医院", {"industry": "healthcare"}, ""),
    ("教育", {"industry": "education"}, ""),
    ("在线教育", {"industry": "education"}, ""),
    ("能源", {"industry": "energy"}, ""),
    ("电力", {"industry": "energy"}, ""),
    ("房地产", {"industry": "construction"}, ""),
    ("旅游与酒店", {"industry": "travel"}, ""),
    ("酒店", {"industry": "travel"}, ""),
    ("政府", {"industry": "government"}, ""),
    ("多元化集团", {"industry": "conglomerate"}, ""),
    ("农业", {"industry": "agriculture"}, ""),
    ("农产品", {"industry": "agriculture"}, ""),
    ("美国的零售业", {"industry": "retail", "region": "north_america"}, ""),
    ("金融、医疗和教育", {"industry": "finance,healthcare,education"}, ""),
    # connections
    ("用户 – 服务", {"connection": "user_service"}, ""),
    ("用户与服务的连接", {"connection": "user_service"}, ""),
    ("用户-司机", {"connection": "user_driver"}, ""),
    ("用户和商户", {"connection": "user_merchant"}, ""),
    ("用户到用户", {"connection": "user_user"}, ""),
    ("用户 – 内容", {"connection": "user_content"}, ""),
    ("设备 – 云", {"connection": "device_cloud"}, ""),
    ("设备 – 云（物联网/万物互联）", {"connection": "device_cloud"}, ""),
    ("万物互联", {"connection": "device_cloud"}, ""),
    ("供应链", {"connection": "enterprise_supply_chain"}, ""),
    ("企业 – 员工", {"connection": "enterprise_employee"}, ""),
    ("生产者与消费者", {"connection": "producer_consumer"}, ""),
    ("民众 – 政府", {"connection": "citizen_government"}, ""),
    # the framework
    ("+互联网", {"mode": "plus_internet"}, ""),
    ("互联网+", {"mode": "internet_plus"}, ""),
    ("客户思维", {"thinking": "customer"}, ""),
    ("用户思维", {"thinking": "user"}, ""),
    ("信息化", {"stage": "informatization"}, ""),
    ("数字化", {"stage": "digitalization"}, ""),
    ("从信息化到数字化", {"idea": "informatization_to_digitalization"}, ""),
    ("硬件即服务", {"idea": "hardware_as_service"}, ""),
    ("补贴", {"idea": "subsidy_and_bubble"}, ""),
    ("疫情", {"idea": "epidemic_stress_test"}, ""),
    ("国资委", {"idea": "soe_digital_transformation"}, ""),
    ("国企数字化转型", {"idea": "soe_digital_transformation"}, ""),
    ("平台与生态", {"idea": "platform_ecosystem"}, ""),
    ("示例", {"evidence": "illustrative"}, ""),
    ("有据可查", {"evidence": "documented"}, ""),
    # regions and ownership
    ("中国", {"region": "china"}, ""),
    ("美国", {"region": "north_america"}, ""),
    ("北美", {"region": "north_america"}, ""),
    ("欧洲", {"region": "europe"}, ""),
    ("亚太", {"region": "asia_pacific"}, ""),
    ("印度", {"region": "asia_pacific"}, ""),
    ("拉丁美洲", {"region": "latin_america"}, ""),
    ("非洲", {"region": "africa"}, ""),
    ("中东的石油", {"region": "middle_east", "industry": "energy"}, ""),
    ("全球", {"region": "global"}, ""),
    ("国企", {"ownership": "state_owned"}, ""),
    ("国有企业", {"ownership": "state_owned"}, ""),
    ("央企", {"ownership": "state_owned"}, ""),
    ("上市公司", {"ownership": "listed"}, ""),
    ("民营企业", {"ownership": "private"}, ""),
    ("初创企业", {"ownership": "startup"}, ""),
    ("中小企业", {"ownership": "sme"}, ""),
    ("公共部门", {"ownership": "public_sector"}, ""),
    # technologies
    ("移动应用", {"tech": "mobile_apps"}, ""),
    ("移动支付", {"tech": "mobile_payment"}, ""),
    ("人工智能", {"tech": "ai"}, ""),
    ("AI医疗", {"tech": "ai", "industry": "healthcare"}, ""),
    ("物联网", {"tech": "iot"}, ""),
    ("大数据", {"tech": "big_data"}, ""),
    ("云计算", {"tech": "cloud"}, ""),
    ("区块链", {"tech": "blockchain"}, ""),
    ("5G网络", {"tech": "5g"}, ""),
    ("二维码", {"tech": "qr_codes"}, ""),
    ("OTA远程升级", {"tech": "ota_updates"}, ""),
    ("数字平台", {"tech": "digital_platform"}, ""),
    ("社交媒体", {"tech": "social_media"}, ""),
    ("电子商务", {"tech": "ecommerce"}, ""),
    ("电商", {"tech": "ecommerce"}, ""),
    # years
    ("2015年以后", {"from": 2015}, ""),
    ("2015年之后", {"from": 2015}, ""),
    ("2015年起", {"from": 2015}, ""),
    ("自2015年以来", {"from": 2015}, ""),
    ("从2015年开始", {"from": 2015}, ""),
    ("2015年以前", {"to": 2015}, ""),
    ("2015年之前", {"to": 2015}, ""),
    ("截至2015年", {"to": 2015}, ""),
    ("2010-2015年", {"from": 2010, "to": 2015}, ""),
    ("2010年至2015年", {"from": 2010, "to": 2015}, ""),
    ("2010年到2015年", {"from": 2010, "to": 2015}, ""),
    ("从2010年到2015年", {"from": 2010, "to": 2015}, ""),
    ("2015年", {"from": 2015, "to": 2015}, ""),
    ("2010年代", {"from": 2010, "to": 2019}, ""),
    ("２０１５年以来", {"from": 2015}, ""),  # full-width digits
    (
        "2010年至2015年间的失败案例",
        {"outcome": "failure", "from": 2010, "to": 2015},
        "",
    ),
    # whole questions
    ("中国有哪些失败案例", {"region": "china", "outcome": "failure"}, ""),
    (
        "2015年以来中国的互联网+失败案例",
        {"mode": "internet_plus", "outcome": "failure", "region": "china", "from": 2015},
        "",
    ),
    ("滴滴网约车", {"industry": "transportation"}, "滴滴"),
    ("微信的用户思维", {"thinking": "user"}, "微信"),
    ("特斯拉的OTA", {"tech": "ota_updates"}, "特斯拉"),
    ("ofo共享单车倒闭", {"industry": "transportation", "outcome": "failure"}, "ofo"),
    # must not match: quoted names, negations, numbers, parts of names
    ("「失败实验室」", {}, "失败实验室"),
    ("「失败实验室」金融", {"industry": "finance"}, "失败实验室"),
    ("“成功学院”", {}, "成功学院"),
    ("『成功』与失败", {"outcome": "failure"}, "成功"),
    ("不成功的案例", {}, "不成功的案例"),
    ("非金融", {}, "非金融"),
    ("没有失败", {}, "没有失败"),
    ("未成功的金融案例", {"industry": "finance"}, "未成功"),
    ("不是金融的失败案例", {"outcome": "failure"}, "不是金融"),
    ("中国移动", {"region": "china"}, "移动"),  # a name that starts with a label: quote it
    ("「中国移动」", {}, "中国移动"),
    ("5亿用户", {}, "5亿用户"),
    ("2015", {}, "2015"),
    ("1066年", {}, "1066年"),
    ("用户", {}, "用户"),
    ("客户", {}, "客户"),
    ("滴滴", {}, "滴滴"),
    ("云南", {}, "云南"),
    ("数字化转型", {}, "数字化转型"),
]


def expected(params: dict) -> dict:
    out = {}
    for key, value in params.items():
        out[key] = str(value) if key in ("from", "to") else value.split(",")
    return out


def check(text: str, params: dict, rest: str) -> None:
    understood = understand(text)
    assert (understood.params, understood.text) == (expected(params), rest)
    filters, notices = from_query(understood.query())
    assert notices == []
    assert to_params(filters) == understood.params
    assert filters.text == rest


def to_params(filters: Filters) -> dict:
    out: dict = {f.param: list(filters.values(f.name)) for f in FACETS if filters.values(f.name)}
    if filters.year_from is not None:
        out["from"] = str(filters.year_from)
    if filters.year_to is not None:
        out["to"] = str(filters.year_to)
    return out


def test_enough_phrasings_in_each_language():
    assert len({t for t, *_ in ENGLISH}) == len(ENGLISH) >= 100
    assert len({t for t, *_ in CHINESE}) == len(CHINESE) >= 100


@pytest.mark.parametrize(("text", "params", "rest"), ENGLISH, ids=[t for t, *_ in ENGLISH])
def test_english(text, params, rest):
    check(text, params, rest)


@pytest.mark.parametrize(("text", "params", "rest"), CHINESE, ids=[t for t, *_ in CHINESE])
def test_chinese(text, params, rest):
    check(text, params, rest)


def test_matches_name_the_words_for_chips():
    understood = understand("failed finance cases with user-to-service connections since 2015")
    assert [(m.words, m.param, m.value) for m in understood.matches] == [
        ("failed", "outcome", "failure"),
        ("finance", "industry", "finance"),
        ("user-to-service", "connection", "user_service"),
        ("since 2015", "from", "2015"),
    ]
    zh = understand("2010年至2015年的失败案例")
    assert [(m.words, m.param, m.value) for m in zh.matches] == [
        ("2010年至2015年", "from", "2010"),
        ("2010年至2015年", "to", "2015"),
        ("失败", "outcome", "failure"),
    ]


def test_query_adds_the_search_text():
    understood = understand('"Failure Labs" failures since 2015')
    assert understood.query() == {"outcome": ["failure"], "from": "2015", "q": "Failure Labs"}
    assert understand("failures").query() == {"outcome": ["failure"]}


def test_every_label_and_value_is_understood_alone():
    """Each value by its English label, its Chinese label and its value's words, unless the
    synonym file's `not` drops that phrase (thinking `user`)."""
    zh = translator("zh")
    for facet in FACETS:
        for term in facet.vocabulary:
            names = {term.label, zh(term.label), term.value.replace("_", " ")}
            dropped = (synonyms()["facets"][facet.param].get(term.value) or {}).get("not") or []
            for name in names - set(dropped):
                typed = name.replace('"', "")  # 2015年"互联网+"行动计划: quotes make text
                assert understand(typed).params == {facet.param: [term.value]}, typed
                assert understand(typed).text == "", typed


def test_every_synonym_is_understood_alone():
    for facet in FACETS:
        for value in facet.vocabulary.values():
            for phrase in phrases_of(facet.param, value):
                got = understand(phrase.replace('"', ""))
                assert got.params == {facet.param: [value]}, phrase


def test_synonym_file_is_well_formed():
    data = synonyms()
    assert set(data) == {"stop_words", "negators", "facets"}
    for group in ("stop_words", "negators"):
        assert set(data[group]) == {"en", "zh"}
        for words in data[group].values():
            assert all(isinstance(w, str) and w for w in words)  # YAML reads `no` as False
    assert set(data["facets"]) == {f.param for f in FACETS}
    for param, values in data["facets"].items():
        vocabulary = FACET_BY_PARAM[param].vocabulary
        assert set(values) == set(vocabulary.values()), param  # every value, none unknown
        for value, entry in values.items():
            entry = entry or {}
            assert set(entry) <= {"en", "zh", "not"}, (param, value)
            for words in entry.values():
                assert all(isinstance(w, str) and w.strip() for w in words), (param, value)
            derived = {vocabulary(value).label.casefold(), value.replace("_", " ")}
            for word in entry.get("not") or ():
                assert word in derived, f"{param}.{value}: `not: {word}` drops nothing"
            for word in entry.get("en") or ():
                assert not any("\u4e00" <= ch <= "\u9fff" for ch in word), word


def test_no_phrase_names_two_values():
    """The table raises on a phrase that names two values; every phrase is one value's."""
    owner: dict[str, tuple[str, str]] = {}
    for facet in FACETS:
        for value in facet.vocabulary.values():
            for phrase in phrases_of(facet.param, value):
                key = " ".join(_parts(phrase))
                assert owner.setdefault(key, (facet.param, value)) == (facet.param, value), key


def test_long_and_hostile_input_is_safe():
    understood = understand("failures " + "x" * 5000)
    assert understood.params == {"outcome": ["failure"]}
    assert len(understood.text) <= MAX_SEARCH
    assert understand("") == understand("   ")
    assert understand("").params == {} and understand("").text == ""
    weird = understand("\x00 \u202e 失败 (((( [s:x] <script>")
    assert weird.params == {"outcome": ["failure"]}
    _, notices = from_query(weird.query())
    assert notices == []


def test_the_library_function_needs_no_streamlit():
    code = "import sys, atlas.ask; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
