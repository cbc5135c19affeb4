//! Leadership in every occupation's words: nurses, stores, kitchens, warehouses, not only
//! data teams. Short sentences of our own, run against the shipped lexicons.

mod common;

use std::sync::LazyLock;

use rung::posting::Analysis;
use rung::{Analyzer, Posting};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

fn analyze(title: &str, description: &str) -> Analysis {
    ANALYZER.analyze(&Posting::new("test", title, description))
}

const NONE: [bool; 5] = [false; 5];
const PEOPLE: [bool; 5] = [true, false, false, false, false];
const MENTOR: [bool; 5] = [false, true, false, false, false];
const PEOPLE_MENTOR: [bool; 5] = [true, true, false, false, false];
const LEADS: [bool; 5] = [false, false, true, false, false];
const STRATEGY: [bool; 5] = [false, false, false, true, false];
const BUDGET: [bool; 5] = [false, false, false, false, true];

/// (name, text, [people_management, mentoring, leads_work, strategy, budget])
fn check(cases: &[(&str, &str, [bool; 5])]) {
    for (name, text, want) in cases {
        let got = common::leadership_flags(&analyze("Shift Supervisor", text).leadership);
        assert_eq!(&got, want, "{name}: {text:?}");
    }
}

#[test]
fn people_management_in_every_occupation() {
    check(&[
        ("a staff of", "Supervise a staff of 40 nurses on the night shift.", PEOPLE),
        ("oversee staff", "Oversee all nursing staff in the surgical unit.", PEOPLE),
        ("verb list", "Hire, schedule and evaluate RNs and nursing aides.", PEOPLE),
        ("experience managing", "Experience managing kitchen staff in a busy restaurant.", PEOPLE),
        ("supervisory experience", "Two years of supervisory experience in a warehouse.", PEOPLE),
        ("manager or supervisor role", "At least 2 years in a manager or supervisor role.", PEOPLE),
        ("supervision of", "Responsible for the supervision of maintenance technicians.", PEOPLE),
        (
            "hiring and training list",
            "Responsible for hiring, training and scheduling store staff.",
            PEOPLE_MENTOR,
        ),
        ("hiring managers", "Our hiring managers will review your application.", NONE),
        ("the company is hiring", "We are hiring cashiers for our new store.", NONE),
        (
            "equal opportunity notice",
            "Equal opportunity applies to all employment decisions, including recruiting, hiring and promotion.",
            NONE,
        ),
        (
            "a supervising professional",
            "Perform treatments as directed by the supervising physical therapist.",
            NONE,
        ),
        ("no one to supervise", "Supervisory responsibilities: none.", NONE),
        ("French", "Encadrer une équipe de cinq techniciens.", PEOPLE),
        ("Portuguese", "Liderar a equipe de atendimento ao cliente.", PEOPLE),
    ]);
}

#[test]
fn mentoring_in_every_occupation() {
    check(&[
        (
            "train and coach",
            "Train and coach new team members on store procedures.",
            MENTOR,
        ),
        (
            "guidance to the team",
            "Provide guidance and direction to the team during each shift.",
            MENTOR,
        ),
        (
            "supervises trainees",
            "Willing to supervise pharmacy trainees.",
            MENTOR,
        ),
        (
            "the company trains",
            "We invest heavily in training our employees.",
            NONE,
        ),
        (
            "a coaching staff",
            "Our coaching staff will welcome you.",
            NONE,
        ),
        (
            "Portuguese",
            "Orientar e treinar outros profissionais da equipe.",
            MENTOR,
        ),
    ]);
}

#[test]
fn leads_work_in_every_occupation() {
    check(&[
        (
            "own from start to finish",
            "You will own each menu launch from concept to delivery.",
            LEADS,
        ),
        (
            "own every stage",
            "You'll own every stage of the installation.",
            LEADS,
        ),
        (
            "overall operation",
            "Responsible for the overall operation of the pharmacy.",
            LEADS,
        ),
        (
            "gives out work",
            "Assign tasks to the cleaning crew and check their work.",
            LEADS,
        ),
        (
            "coordinate own work",
            "Coordinate your schedule with the office.",
            NONE,
        ),
        (
            "lead the preparation",
            "Lead the preparation of the monthly close.",
            LEADS,
        ),
        (
            "oversee operations",
            "Oversee daily restaurant operations.",
            LEADS,
        ),
        (
            "direct activities",
            "Plan and direct all activities of the front desk.",
            LEADS,
        ),
        (
            "manage projects",
            "Manage complex construction projects from bid to handover.",
            LEADS,
        ),
        (
            "juggling projects",
            "Ability to manage multiple projects simultaneously.",
            NONE,
        ),
        (
            "sales leads",
            "Qualify leads from marketing campaigns.",
            NONE,
        ),
        (
            "a leading company",
            "We are a leading provider of home care services.",
            NONE,
        ),
        (
            "French",
            "Vous allez piloter des projets de migration avec les équipes de nos clients.",
            LEADS,
        ),
    ]);
}

#[test]
fn strategy_and_budget_in_every_occupation() {
    check(&[
        (
            "nursing strategy",
            "Lead nursing strategy for the hospital.",
            STRATEGY,
        ),
        (
            "helps with a vision",
            "Help drive our corporate vision.",
            NONE,
        ),
        (
            "store budget",
            "Manage the store budget and control labour costs.",
            BUDGET,
        ),
        (
            "department budget",
            "Responsible for the department budget.",
            BUDGET,
        ),
        (
            "budget of a size",
            "Prepare and administer an operating budget of $2 million.",
            BUDGET,
        ),
        (
            "cost control",
            "Drive cost control across the kitchen.",
            BUDGET,
        ),
        (
            "someone else's budget",
            "Deliver every event on time and on budget.",
            NONE,
        ),
        (
            "assists with a budget",
            "Assist with budget preparation.",
            NONE,
        ),
        (
            "French",
            "Vous devez gérer le budget du service et suivre les dépenses de la boutique.",
            BUDGET,
        ),
        (
            "Portuguese",
            "Você vai gerir o orçamento da área e acompanhar as despesas da loja.",
            BUDGET,
        ),
    ]);
}
