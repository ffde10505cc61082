"""Strings of saving, quitting, outside changes and undo (the session controller)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "change.no_session": ("Ingen workshop er åben.", "No workshop is open."),
    # --- undo and redo --------------------------------------------------------------
    "key.undo": ("Fortryd", "Undo"),
    "key.save": ("Gem nu", "Save now"),
    "key.redo": ("Gentag", "Redo"),
    "key.undo_named": ("Fortryd: {what}", "Undo: {what}"),
    "undo.done": ("Fortrudt: {what}", "Undone: {what}"),
    "redo.done": ("Gentaget: {what}", "Redone: {what}"),
    "undo.nothing": ("Der er intet at fortryde.", "There is nothing to undo."),
    "redo.nothing": ("Der er intet at gentage.", "There is nothing to redo."),
    "undo.what.set_rating": ("niveau for {person} på {code}", "level of {person} on {code}"),
    "undo.what.toggle_unused": (
        "ubrugt for {person} på {code}",
        "unused mark of {person} on {code}",
    ),
    "undo.what.set_rating_note": (
        "note for {person} på {code}",
        "note of {person} on {code}",
    ),
    "undo.what.set_frame_text": ("{field} i rammen", "{field} in the frame"),
    "undo.field.jobcenter": ("jobcenter", "jobcentre"),
    "undo.field.unit": ("enhed", "unit"),
    "undo.field.core_task": ("kerneopgave", "core task"),
    "undo.what.set_frame_date": ("dato i rammen", "date in the frame"),
    "undo.what.set_frame_purpose": ("formål", "purpose"),
    "undo.what.add_participant": ("ny deltager", "new participant"),
    "undo.what.update_participant": ("deltager rettet", "participant edited"),
    "undo.what.remove_participant": ("deltager fjernet", "participant removed"),
    "undo.what.set_step_notes": ("noter", "notes"),
    "undo.what.add_decision": ("ny aftale", "new decision"),
    "undo.what.remove_decision": ("aftale fjernet", "decision removed"),
    "undo.what.set_decision_date": ("dato for aftale", "date of decision"),
    "undo.what.set_timebox": ("tidsramme", "timebox"),
    "undo.what.decide_basic": ("valg af basiskompetence", "choice of basic competence"),
    "undo.what.set_min_level": ("minimumsniveau", "minimum level"),
    "undo.what.set_priority": ("prioritet", "priority"),
    "undo.what.set_basic_wording": ("formulering", "wording"),
    "undo.what.set_basic_note": ("note", "note"),
    "undo.what.add_own_basic": ("egen basiskompetence", "own basic competence"),
    "undo.what.set_element_status": ("element beholdt eller droppet", "element kept or dropped"),
    "undo.what.set_element_wording": ("formulering af element", "wording of element"),
    "undo.what.set_element_note": ("note til element", "note on element"),
    "undo.what.set_target_level": ("målniveau", "target level"),
    "undo.what.add_own_element": ("eget element", "own element"),
    "undo.what.add_profile": ("ny lokal profil", "new local profile"),
    "undo.what.rename_profile": ("navn på lokal profil", "name of local profile"),
    "undo.what.set_profile_description": ("beskrivelse af profil", "profile description"),
    "undo.what.set_profile_needed": ("antal der skal have profilen", "number needed"),
    "undo.what.toggle_profile_element": ("element i lokal profil", "element in local profile"),
    "undo.what.remove_profile": ("lokal profil fjernet", "local profile removed"),
    "undo.what.add_person": ("ny medarbejder", "new member of staff"),
    "undo.what.update_person": ("medarbejder rettet", "member of staff edited"),
    "undo.what.set_person_profiles": ("profiler for medarbejder", "profiles of staff member"),
    "undo.what.add_action": ("ny handling", "new action"),
    "undo.what.update_action": ("handling rettet", "action edited"),
    "undo.what.remove_action": ("handling fjernet", "action removed"),
    "undo.what.add_goal": ("nyt udviklingsmål", "new development goal"),
    "undo.what.update_goal": ("udviklingsmål rettet", "development goal edited"),
    "undo.what.remove_goal": ("udviklingsmål fjernet", "development goal removed"),
    "undo.what.mark_agreed": ("markeret som aftalt", "marked as agreed"),
    "undo.what.start_follow_up_round": ("ny opfølgningsrunde", "new follow-up round"),
    "undo.what.other": ("seneste ændring", "the last change"),
    # --- outside changes ------------------------------------------------------------
    "save.blocked_outside": (
        "FILEN ER ÆNDRET UDEN FOR FAGWORKSHOP: intet gemmes automatisk. Dit arbejde er "
        "stadig her. Ctrl+S: vælg hvad der skal ske.",
        "THE FILE WAS CHANGED OUTSIDE FAGWORKSHOP: nothing is saved automatically. Your work "
        "is still here. Ctrl+S: choose what to do.",
    ),
    "save.blocked_lock": (
        "LÅSEN ER MISTET: et andet program kan have filen åben; intet gemmes automatisk. Dit "
        "arbejde er stadig her. Ctrl+S: vælg hvad der skal ske.",
        "THE LOCK WAS LOST: another program may have the file open; nothing is saved "
        "automatically. Your work is still here. Ctrl+S: choose what to do.",
    ),
    "save.blocked_status": ("Ikke gemt: filen er ændret", "Not saved: the file changed"),
    "save.failed_status": ("Ikke gemt: gemning fejlede", "Not saved: the save failed"),
    "save.edited_outside": (
        "Filen er ændret uden for fagworkshop siden den sidst blev gemt her.",
        "The file was changed outside fagworkshop since it was last saved here.",
    ),
    "conflict.question": (
        "Filen {path} på disken er ikke den, fagworkshop åbnede eller sidst gemte. Hvad skal "
        "der ske med dit arbejde?",
        "The file {path} on disk is not the one fagworkshop opened or last saved. What should "
        "happen to your work?",
    ),
    "conflict.open_disk": ("Åbn versionen på disken (o)", "Open the version on disk (o)"),
    "conflict.copy": ("Gem mit som kopi ved siden af (k)", "Save mine as a copy beside it (k)"),
    "conflict.overwrite": ("Overskriv filen med mit (w)", "Overwrite the file with mine (w)"),
    "conflict.later": ("Vent (Esc)", "Wait (Esc)"),
    "conflict.confirm_open": (
        "Åbn versionen på disken? Dine ændringer her siden sidste gemning forsvinder.",
        "Open the version on disk? Your changes here since the last save are lost.",
    ),
    "conflict.copied": ("Dit arbejde er gemt som {path}", "Your work is saved as {path}"),
    "conflict.overwritten": ("Filen er overskrevet med dit arbejde.", "The file was overwritten."),
    # --- quitting -------------------------------------------------------------------
    "quit.question_failed": (
        "Den seneste gemning fejlede, så dine sidste ændringer er ikke på disken. Hvad vil du?",
        "The last save failed, so your latest changes are not on disk. What do you want?",
    ),
    "quit.question_read_only": (
        "Workshoppen er skrivebeskyttet, og dine ændringer her er ikke gemt. Hvad vil du?",
        "The workshop is read-only and your changes here are not saved. What do you want?",
    ),
    "quit.question_conflict": (
        "Filen er ændret uden for fagworkshop, så dine seneste ændringer er ikke gemt i den. "
        "Hvad vil du?",
        "The file was changed outside fagworkshop, so your latest changes are not in it. "
        "What do you want?",
    ),
    "quit.save_as": ("Gem som en anden fil (g)", "Save as another file (g)"),
    "quit.discard": ("Afslut uden at gemme (a)", "Quit without saving (a)"),
    "quit.stay": ("Bliv (Esc)", "Stay (Esc)"),
    "quit.saved_as": ("Gemt som {path}", "Saved as {path}"),
    "quit.save_as_failed": (
        "Kunne ikke gemme en kopi: {reason}",
        "Could not save a copy: {reason}",
    ),
}
