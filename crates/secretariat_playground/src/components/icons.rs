//! Inline SVG icons (stroke style, 24×24): no font, no image request.

use yew::prelude::*;

fn svg(class: &'static str, body: Html) -> Html {
    html! {
        <svg class={classes!("icon", class)} viewBox="0 0 24 24" width="18" height="18" fill="none"
            stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
            aria-hidden="true" focusable="false">
            { body }
        </svg>
    }
}

/// The product mark.
pub fn logo() -> Html {
    html! {
        <svg class="icon logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="30" height="30" rx="8" fill="#1f4e79" />
            <path d="M9 12.5c0-2 1.8-3.5 4.5-3.5 2 0 3.6.8 4.3 2.2M23 19.5c0 2-1.8 3.5-4.5 3.5-2 0-3.6-.8-4.3-2.2M9.5 14.8c1 1.2 2.6 1.7 4.5 2l4 .6c1.9.3 3.5.8 4.5 2"
                fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" />
        </svg>
    }
}

/// A padlock: the element is hidden from her.
pub fn lock() -> Html {
    svg(
        "lock",
        html! { <>
            <rect x="5" y="11" width="14" height="10" rx="2" />
            <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </> },
    )
}

/// Undo.
pub fn undo() -> Html {
    svg(
        "",
        html! { <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /> },
    )
}

/// Redo.
pub fn redo() -> Html {
    svg(
        "",
        html! { <path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" /> },
    )
}

/// Download.
pub fn download() -> Html {
    svg("", html! { <path d="M12 3v12M7 10l5 5 5-5M5 21h14" /> })
}

/// Upload.
pub fn upload() -> Html {
    svg("", html! { <path d="M12 21V9M7 14l5-5 5 5M5 3h14" /> })
}

/// Copy.
pub fn copy() -> Html {
    svg(
        "",
        html! { <>
            <rect x="9" y="9" width="12" height="12" rx="2" />
            <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
        </> },
    )
}

/// E-mail.
pub fn mail() -> Html {
    svg(
        "",
        html! { <>
            <rect x="3" y="5" width="18" height="14" rx="2" />
            <path d="M3 7l9 6 9-6" />
        </> },
    )
}

/// Link.
pub fn link() -> Html {
    svg(
        "",
        html! { <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" /> },
    )
}

/// A check mark.
pub fn check() -> Html {
    svg("check", html! { <path d="M5 12.5l4.5 4.5L19 7" /> })
}

/// A cross.
pub fn cross() -> Html {
    svg("cross", html! { <path d="M6 6l12 12M18 6L6 18" /> })
}

/// A warning triangle.
pub fn warning() -> Html {
    svg(
        "warn",
        html! { <path d="M12 3l10 18H2L12 3zM12 10v5M12 18h.01" /> },
    )
}

/// An eye (audited use).
pub fn eye() -> Html {
    svg(
        "",
        html! { <>
            <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
            <circle cx="12" cy="12" r="3" />
        </> },
    )
}

/// A user.
pub fn user() -> Html {
    svg(
        "",
        html! { <>
            <circle cx="12" cy="8" r="4" />
            <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" />
        </> },
    )
}

/// The icon of a practice module or DCC icon, by element id.
pub fn for_element(id: &str) -> Html {
    match id {
        "dashboard" | "infocentre" => svg(
            "",
            html! { <>
                <rect x="3" y="3" width="7" height="9" rx="1" /><rect x="14" y="3" width="7" height="5" rx="1" />
                <rect x="14" y="12" width="7" height="9" rx="1" /><rect x="3" y="16" width="7" height="5" rx="1" />
            </> },
        ),
        "agenda" => svg(
            "",
            html! { <>
                <rect x="3" y="5" width="18" height="16" rx="2" /><path d="M3 10h18M8 3v4M16 3v4" />
            </> },
        ),
        "patients" | "patient_directory" => svg(
            "",
            html! { <>
                <circle cx="9" cy="8" r="3.5" /><path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.5a3.5 3.5 0 0 1 0 7M18 14c2 .6 3.5 2.8 3.5 6" />
            </> },
        ),
        "waiting_room" => svg(
            "",
            html! { <>
                <circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />
            </> },
        ),
        "letters" => svg(
            "",
            html! { <>
                <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9l-6-6z" /><path d="M14 3v6h6M8 13h8M8 17h5" />
            </> },
        ),
        "pid_billing" => svg(
            "",
            html! { <>
                <rect x="2" y="5" width="20" height="14" rx="2" /><path d="M2 10h20M6 15h4" />
            </> },
        ),
        "practice_settings" | "administration" => svg(
            "",
            html! { <>
                <circle cx="12" cy="12" r="3" />
                <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
            </> },
        ),
        "reviews" => svg(
            "",
            html! { <path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9L12 3z" /> },
        ),
        "subscription" => svg(
            "",
            html! { <>
                <path d="M20 12v9H4v-9M2 7h20v5H2zM12 21V7M12 7H7.5a2.5 2.5 0 0 1 0-5C11 2 12 7 12 7zM12 7h4.5a2.5 2.5 0 0 0 0-5C13 2 12 7 12 7z" />
            </> },
        ),
        "two_factor" => svg(
            "",
            html! { <>
                <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5l8-3z" /><path d="M9 12l2 2 4-4" />
            </> },
        ),
        "session_run" => svg(
            "",
            html! { <>
                <path d="M8 6h13M8 12h13M8 18h13" /><path d="M3 6l1 1 2-2M3 12l1 1 2-2M3 18l1 1 2-2" />
            </> },
        ),
        "dossiers" => svg(
            "",
            html! { <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7z" /> },
        ),
        "professional_directory" => svg(
            "",
            html! { <>
                <rect x="4" y="2" width="16" height="20" rx="2" /><circle cx="12" cy="10" r="3" /><path d="M7.5 18c.6-2.3 2.3-3.5 4.5-3.5s3.9 1.2 4.5 3.5" />
            </> },
        ),
        "login_as_doctor" => svg(
            "",
            html! { <path d="M15 3h4a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-4M10 17l5-5-5-5M15 12H3" /> },
        ),
        "export_patients" | "export_deposits" => download(),
        "delete_fee_or_redate_invoice" => svg(
            "",
            html! { <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6" /> },
        ),
        "reassign_record_owner" => svg(
            "",
            html! { <path d="M17 3l4 4-4 4M21 7H9M7 21l-4-4 4-4M3 17h12" /> },
        ),
        _ => svg("", html! { <circle cx="12" cy="12" r="4" /> }),
    }
}
