package org.roster.domain;
