#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""After Reveal, the room's counts mark "(your answer)" on the row of the
button this phone has pressed, whatever happened before: an answer the
session already held for the partner (the sample's), an answer given
before Reveal, one changed after Reveal, a reload, and a stage that was
revealed already when the phone chose (the a11y test's screenshot
'revealed-dark-360' once showed "4 Agree" pressed and the mark on "3").
The counts follow the phone's own change too."""

from selenium.webdriver.common.by import By

from roomtest import (browser, card_of, check, choose, claim, copy_sample, drive, finish, mark_matches,
                      marked_row, pressed, quit_browser, row_count, save_state, wait_for)

PURPOSE = 'We share a clear purpose'          # s1: Cara's answer in the sample is 3
LEADERSHIP = 'leadership is accepted'         # s2: Cara's is "don't know"
RESULT = '.room-result:not([hidden])'


def shown(d, text):
    card = card_of(d, text)
    return card is not None and card.find_elements(By.CSS_SELECTOR, RESULT)


def rating(server):
    server.command('stage lesson-1')
    server.command('hide')
    d = browser(360, 740)
    try:
        check(claim(d, server.url, 'Cara Singh'), 'Cara Singh joins')
        wait_for(lambda: card_of(d, PURPOSE), 10)
        check(not d.find_elements(By.CSS_SELECTOR, RESULT), 'before Reveal: no counts')
        # Before Reveal: one answer given, one left as the sample had it.
        choose(d, PURPOSE, '4 Agree')
        wait_for(lambda: 'Saved' in save_state(d, PURPOSE), 5)
        server.command('reveal lesson-1')
        check(wait_for(lambda: shown(d, PURPOSE), 5), 'Reveal: the counts show')
        check(mark_matches(d, PURPOSE), 'Reveal: the mark is on the pressed "4 Agree" (mark %r, pressed %r)'
              % (marked_row(card_of(d, PURPOSE)), pressed(d, PURPOSE)))
        check(mark_matches(d, LEADERSHIP), 'Reveal: the sample\'s own answer is marked where it is pressed '
              '(mark %r, pressed %r)' % (marked_row(card_of(d, LEADERSHIP)), pressed(d, LEADERSHIP)))
        fours = row_count(card_of(d, PURPOSE), '4 Agree')
        twos = row_count(card_of(d, PURPOSE), '2 Disagree')
        # After Reveal the phone changes its mind: the mark follows at once...
        choose(d, PURPOSE, '2 Disagree')
        check(wait_for(lambda: mark_matches(d, PURPOSE), 3),
              'changed after Reveal: the mark follows the pressed "2 Disagree" (mark %r, pressed %r)'
              % (marked_row(card_of(d, PURPOSE)), pressed(d, PURPOSE)))
        # ...and the counts follow once the laptop has it.
        check(wait_for(lambda: row_count(card_of(d, PURPOSE), '2 Disagree') == twos + 1
                       and row_count(card_of(d, PURPOSE), '4 Agree') == fours - 1, 5),
              'changed after Reveal: the counts move from 4 to 2 (%r, %r -> %r, %r)'
              % (fours, twos, row_count(card_of(d, PURPOSE), '4 Agree'),
                 row_count(card_of(d, PURPOSE), '2 Disagree')))
        choose(d, LEADERSHIP, '5 Strongly agree')
        check(wait_for(lambda: mark_matches(d, LEADERSHIP), 3), 'changed after Reveal: "don\'t know" to 5, marked')
        wait_for(lambda: 'Saved' in save_state(d, LEADERSHIP), 5)
        d.refresh()
        check(wait_for(lambda: shown(d, PURPOSE) and mark_matches(d, PURPOSE) and mark_matches(d, LEADERSHIP), 10),
              'after a reload: both marks on the pressed buttons')
        # The a11y test's path: the stage is revealed already ("show", then "hide" keeps it revealed)
        # when the phone chooses; nothing about the stage changes on the laptop.
        server.command('show')
        server.command('hide')
        wait_for(lambda: shown(d, PURPOSE), 5)
        choose(d, PURPOSE, '3 Neither agree nor disagree')
        check(wait_for(lambda: mark_matches(d, PURPOSE), 3),
              'already revealed, then chosen: the mark follows (mark %r, pressed %r)'
              % (marked_row(card_of(d, PURPOSE)), pressed(d, PURPOSE)))
        server.command('reveal lesson-1')  # already revealed: no event
        check(wait_for(lambda: mark_matches(d, PURPOSE), 3), 'Reveal pressed again: the mark still matches')
    finally:
        quit_browser(d)
        server.command('free p47')


def roles(server):
    server.command('stage roles')
    server.command('reveal roles')
    d = browser(360, 740)
    try:
        check(claim(d, server.url, 'Cara Singh'), 'roles: Cara Singh joins')
        task = 'Lead the needs assessment'
        wait_for(lambda: shown(d, task), 10)
        choose(d, task, 'C Consulted')
        check(wait_for(lambda: mark_matches(d, task), 3),
              'roles, changed after Reveal: the mark follows the pressed part (mark %r, pressed %r)'
              % (marked_row(card_of(d, task)), pressed(d, task)))
    finally:
        quit_browser(d)
        server.command('free p47')


def main():
    path = copy_sample('small-team.commonground', stage='lesson-1')
    server = drive(path)
    try:
        rating(server)
        roles(server)
    finally:
        server.stop('eof')
    finish()


if __name__ == '__main__':
    main()
