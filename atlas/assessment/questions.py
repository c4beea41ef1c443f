"""The ten questions, their options and the axes they score."""

from __future__ import annotations

from dataclasses import dataclass

from atlas.facets import VOCABULARIES
from atlas.i18n import N_, Translate
from atlas.vocabulary import ConnectionType, Idea, Mode, Stage, Term, Thinking

ANSWERS_PARAM = "a"
INDUSTRY_PARAM = "sector"
INDUSTRY_BONUS = 0.15
TIE_MARGIN = 0.05
MIN_NEAREST, MAX_NEAREST = 3, 5
MAX_QUESTION_STEPS = 3
X, Y = "x", "y"
X_TITLE = N_("Informatization → Digitalization")
Y_TITLE = N_("+Internet → Internet+")

Answers = tuple[int | None, ...]


def says(term: Term, _: Translate = str) -> str:
    """A framework term in its own words: "label: definition"."""
    return _("{label}: {definition}").format(label=_(term.label), definition=_(term.definition))


@dataclass(frozen=True)
class Question:
    """One question; its text and options are English, marked for translation."""

    key: str
    text: str
    explains: tuple[Term, ...]  # the framework terms its help quotes
    options: tuple[str, ...]
    axes: tuple[str, ...]  # X, Y or both
    term_field: str  # the framework term behind the question: a case field ...
    term: str  # ... and the vocabulary value in it, e.g. ("ideas", "connection_redesign")
    step_title: str | None = None  # the next step's title, when not the term's label
    note: str | None = None  # a sentence after the quoted terms

    def score(self, option: int) -> float:
        return option / (len(self.options) - 1)

    def help(self, _: Translate = str) -> str:
        """The terms behind the question, composed from their translated parts."""
        quoted = "  \n".join(says(term, _) for term in self.explains)
        if not self.note:
            return quoted
        return _("{quoted} {note}").format(quoted=quoted, note=_(self.note))  # no space in zh

    @property
    def _term(self) -> Term:
        return VOCABULARIES[self.term_field](self.term)

    def term_label(self, _: Translate = str) -> str:
        return _(self.step_title or self._term.label)

    def term_definition(self, _: Translate = str) -> str:
        return says(self._term, _) if self.step_title else _(self._term.definition)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "role",
        N_("What is the internet to your organisation?"),
        (Mode.PLUS_INTERNET, Mode.INTERNET_PLUS),
        (
            N_("A shop window: a website or an online listing"),
            N_("A tool that makes the work we already do faster or cheaper"),
            N_("A channel that reaches people we could not reach before"),
            N_("The way we rethink who we connect and how we earn money"),
        ),
        (Y,),
        "mode",
        Mode.INTERNET_PLUS.value,
    ),
    Question(
        "connected",
        N_("Who is newly connected because of your digital efforts?"),
        (Idea.CONNECTION_REDESIGN,),
        (
            N_("No one new: the same customers, through another channel"),
            N_("Our own people and processes, with each other"),
            N_("Our customers, with us directly"),
            N_("Several groups with each other: customers, partners, suppliers or devices"),
        ),
        (Y,),
        "ideas",
        Idea.CONNECTION_REDESIGN.value,
    ),
    Question(
        "relationship",
        N_("Customer or user thinking: how long does a relationship with a buyer last?"),
        (Thinking.CUSTOMER, Thinking.USER),
        (
            N_("It ends at the till: one-off sales"),
            N_("Buyers come back now and then; we rarely hear from them in between"),
            N_("We keep in touch through accounts or memberships"),
            N_("A lasting, frequent connection that we earn from over time"),
        ),
        (X, Y),
        "thinking",
        Thinking.USER.value,
    ),
    Question(
        "data",
        N_("How are decisions made?"),
        (Stage.DIGITALIZATION,),
        (
            N_("By experience and judgement"),
            N_("With reports put together by hand"),
            N_("From data we collect and analyse routinely"),
            N_("Data steers daily work: pricing, matching, planning or forecasts"),
        ),
        (X,),
        "technologies",
        "big_data",
        step_title=N_("Decisions from data"),
        note=N_("Decisions taken from data are one sign of it."),
    ),
    Question(
        "business_model",
        N_("Is the way you earn money changing?"),
        (Stage.DIGITALIZATION, Idea.SIMPLE_PRODUCT_COMPLEX_MODEL),
        (
            N_("No: the same products at the same prices, some now sold online"),
            N_("A little: online sales sit beside the old ones"),
            N_("Partly: services, subscriptions or platform fees earn part of our revenue"),
            N_("Yes: we are rebuilding how we earn money around connections and data"),
        ),
        (X, Y),
        "ideas",
        Idea.SIMPLE_PRODUCT_COMPLEX_MODEL.value,
    ),
    Question(
        "sales",
        N_("How do you sell?"),
        (Idea.USER_THINKING, ConnectionType.PRODUCER_CONSUMER),
        (
            N_("In person or by phone, as we always have"),
            N_("Also online, with orders handled as before (e.g. through a delivery platform)"),
            N_("Online first, knowing each buyer and what they bought"),
            N_("Directly to end users, with the old middlemen gone or changed"),
        ),
        (X,),
        "connection_types",
        ConnectionType.PRODUCER_CONSUMER.value,
    ),
    Question(
        "management",
        N_("How is your organisation managed?"),
        (ConnectionType.ENTERPRISE_EMPLOYEE,),
        (
            N_("On paper, in meetings and by phone"),
            N_("With office software and e-mail; the way we manage is unchanged"),
            N_("Our people and processes are linked on shared digital platforms"),
            N_("Plans, approvals and performance run on live data"),
        ),
        (X,),
        "connection_types",
        ConnectionType.ENTERPRISE_EMPLOYEE.value,
    ),
    Question(
        "after_sale",
        N_("Do your products stay connected after the sale?"),
        (Idea.HARDWARE_AS_SERVICE,),
        (
            N_("No: the connection ends when the product leaves us"),
            N_("We offer support and a warranty by phone or online"),
            N_("Products in use send us data that we act on"),
            N_("Products get updates, services or subscriptions from us throughout their life"),
        ),
        (X, Y),
        "ideas",
        Idea.HARDWARE_AS_SERVICE.value,
        note=N_("For a service: do customers keep using it through you?"),
    ),
    Question(
        "online_work",
        N_("Is work merely moved online, or did moving online change it?"),
        (Idea.INFORMATIZATION_TO_DIGITALIZATION,),
        (
            N_("Little of our work is online yet"),
            N_("Forms, files and orders moved online; the work itself stayed the same"),
            N_("Some processes were redesigned as they moved online"),
            N_("We changed what we do, not only where we do it"),
        ),
        (X,),
        "ideas",
        Idea.INFORMATIZATION_TO_DIGITALIZATION.value,
    ),
    Question(
        "partners",
        N_("How are you linked with suppliers and partners?"),
        (ConnectionType.ENTERPRISE_SUPPLY_CHAIN, Idea.PLATFORM_ECOSYSTEM),
        (
            N_("By phone, e-mail and paperwork"),
            N_("Through our own systems, one partner at a time"),
            N_("Suppliers, plants, logistics and dealers share data with us"),
            N_("Others build their services on our platform"),
        ),
        (X, Y),
        "connection_types",
        ConnectionType.ENTERPRISE_SUPPLY_CHAIN.value,
    ),
)
NO_ANSWERS: Answers = (None,) * len(QUESTIONS)
