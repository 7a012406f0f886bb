/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The About window: version, licence, people, and the research the
 * workshop's content draws on. */
void cg_show_about (GtkWindow *parent);

/* "About the Five Vital Lessons": the framework in plain words. */
void cg_show_lessons_help (GtkWindow *parent);

G_END_DECLS
