/**
 * What the demo contacts say: per-topic scenarios with the customer's words,
 * the agent's findings and outcomes, rendered per channel (call transcript,
 * email, chat, SMS, social post, internal note).
 *
 * Templates are functions of a small context, not strings with placeholders,
 * so rendering half a million contacts stays cheap.
 */
import type { FollowUpOutcome } from '../domain/model';
import type { DemoTopic } from './directory';
import { type Rng, Weighted } from './random';

/** What a template may mention about the customer, the agent and the case. */
export interface Voice {
  first: string;
  full: string;
  agent: string;
  company: string;
  handle: string;
  plan: string;
  account: string;
  /** An amount in the customer's currency, e.g. £68.40. */
  money: string;
  /** A smaller amount, e.g. a credit of £10. */
  credit: string;
  day: string;
  slot: string;
  ref: string;
  town: string;
  product: string;
  contractEnds: string;
}

type Line = (v: Voice) => string;

export interface Outcome {
  resolved: boolean;
  disposition: string;
  /** What the agent did or promised, in the agent's words. */
  action: Line;
  /** The agent's wrap-up summary. */
  summary: Line;
  weight: number;
}

export interface Scenario {
  topic: DemoTopic;
  /** How common this scenario is within its topic. */
  weight: number;
  /** Baseline tone from −1 to 1 before repeats and outcome move it. */
  mood: number;
  subjects: readonly string[];
  /** What the case is about, as the agent says it: "the increase on your bill". */
  about: string;
  problem: Line;
  detail: Line;
  sms: Line;
  social: Line;
  finding: Line;
  outcomes: readonly Outcome[];
  note: Line;
  /** An update the agent sends or says when following up. */
  update: Line;
}

const s = (text: string): Line => () => text;

export const SCENARIOS: readonly Scenario[] = [
  // ------------------------------------------------------------ billing
  {
    topic: 'billing',
    weight: 4,
    mood: -0.25,
    subjects: ['Bill higher than expected', 'Why has my bill gone up?', 'Unexpected increase on latest bill'],
    about: 'the increase on your bill',
    problem: (v) => `My bill has gone up to ${v.money} this month and nobody told me it was changing.`,
    detail: (v) => `I've been on ${v.plan} since I joined and it's never been this much.`,
    sms: (v) => `Hi, why is my bill ${v.money} this month? It's normally a lot less. Acc ${v.account}`,
    social: (v) => `why has my bill jumped to ${v.money} with no warning? Not impressed.`,
    finding: (v) => `I can see what's happened: the introductory discount on your ${v.plan} ended last month, so the bill moved to the standard price.`,
    outcomes: [
      {
        resolved: true,
        disposition: 'Resolved – explained bill',
        action: (v) => `I've moved you onto our current loyalty price, which takes ${v.credit} a month off from your next bill, and I've noted that you should have had a clearer warning.`,
        summary: (v) => `Intro discount on ${v.plan} ended. Explained the new price and applied loyalty pricing (${v.credit}/month off). Customer accepted.`,
        weight: 5,
      },
      {
        resolved: true,
        disposition: 'Credit applied',
        action: (v) => `I've added a one-off credit of ${v.credit} for the missing notice. You'll see it on your next bill.`,
        summary: (v) => `Customer not told discount was ending. One-off goodwill credit of ${v.credit}. Price explained.`,
        weight: 3,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I can't change the price myself, so I've passed it to our billing team with a note to call you within two working days.`),
        summary: s('Customer disputes the standard price after the intro discount ended. Escalated to billing team; callback due within 2 working days.'),
        weight: 2,
      },
    ],
    note: s('Checked the price-change notice: the email to this account bounced, so the customer was never told. Goodwill justified.'),
    update: (v) => `our billing team has reviewed your account and applied a credit of ${v.credit}. You'll see it on your next bill.`,
  },
  {
    topic: 'billing',
    weight: 2,
    mood: -0.4,
    subjects: ['Charged twice this month', 'Duplicate direct debit', 'Two payments taken'],
    about: 'the duplicate payment',
    problem: (v) => `You've taken two payments of ${v.money} from my account this month.`,
    detail: s('My bank shows both on the same day and it has left me short.'),
    sms: (v) => `You've taken ${v.money} twice from my bank this month. Please refund it ASAP.`,
    social: s('just been charged twice for the same bill. Who do I speak to about getting my money back?'),
    finding: s('You are right: the payment was retried by mistake after a timeout with your bank, so it went through twice.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Refund issued',
        action: (v) => `I've refunded the extra ${v.money} to your bank now. It usually lands within three to five working days.`,
        summary: (v) => `Duplicate direct debit after a retry. Refunded ${v.money}; 3–5 working days. Apologised.`,
        weight: 6,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I've raised it with our payments team as urgent, and they'll confirm the refund by email within 48 hours.`),
        summary: s('Duplicate payment confirmed; refund needs payments team approval. Raised as urgent, confirmation within 48h.'),
        weight: 2,
      },
    ],
    note: s('Payments log shows the direct debit retried after a bank timeout; both collections succeeded.'),
    update: (v) => `your refund of ${v.money} has been processed and should reach your bank within three to five working days.`,
  },
  {
    topic: 'billing',
    weight: 2,
    mood: -0.2,
    subjects: ['Roaming charges on my bill', 'Extra charges on mobile bill'],
    about: 'the extra charges on your mobile bill',
    problem: (v) => `There's ${v.money} of extra charges on my mobile bill and I don't know what they're for.`,
    detail: s('I was away for a week, but I thought roaming was included in my plan.'),
    sms: s('What are the extra charges on my mobile bill? Thought roaming was included.'),
    social: s('anyone else been stung by roaming charges? I thought Europe was included…'),
    finding: s('The charges are for data used while your phone was connected to a ship’s network on the ferry, which sits outside the roaming zone.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Refund issued',
        action: (v) => `As a one-off I've refunded ${v.credit} of those charges, and I've set a spending cap so it can't happen again.`,
        summary: (v) => `Maritime network data while abroad. One-off refund of ${v.credit}; spend cap set.`,
        weight: 4,
      },
      {
        resolved: true,
        disposition: 'Information given',
        action: s(`I've explained which countries are included and turned on roaming alerts, so you'll get a text before any extra charges.`),
        summary: s('Out-of-zone roaming charges explained. Roaming alerts switched on. No refund requested.'),
        weight: 3,
      },
    ],
    note: s('Usage shows maritime network data while abroad. Goodwill within agent limit.'),
    update: (v) => `I've set a ${v.credit} cap on extra charges and switched on roaming alerts for you.`,
  },
  {
    topic: 'billing',
    weight: 1,
    mood: -0.1,
    subjects: ['Struggling to pay this month', 'Payment arrangement request'],
    about: 'your payment plan',
    problem: s(`I'm struggling to pay this month's bill and I'm worried about being cut off.`),
    detail: s('My hours have been cut at work. Is there any way to pay it in instalments?'),
    sms: s('Can I pay my bill late this month? Money is tight at the moment.'),
    social: s('is there someone I can speak to privately about paying my bill late?'),
    finding: s(`Thank you for telling us. That's exactly the right thing to do, and your account is up to date so far, so there's room to help.`),
    outcomes: [
      {
        resolved: true,
        disposition: 'Payment arrangement set up',
        action: (v) => `I've set up a plan to spread ${v.money} over the next three months with nothing extra to pay, and I've paused reminder letters.`,
        summary: (v) => `Financial difficulty disclosed. Payment plan over 3 months for ${v.money}; reminders paused; signposted to free debt advice.`,
        weight: 5,
      },
    ],
    note: s('Customer disclosed financial difficulty; support needs recorded with consent.'),
    update: s('your payment plan is in place: the first instalment comes out on your usual date, and no reminder letters will be sent.'),
  },
  // ------------------------------------------------------------ outage
  {
    topic: 'outage',
    weight: 3,
    mood: -0.45,
    subjects: ['No internet since this morning', 'Broadband down', 'Internet outage in my area'],
    about: 'the broadband outage',
    problem: s('My internet has been down since early this morning and I work from home.'),
    detail: s(`I've restarted the router twice and the light's still flashing red.`),
    sms: (v) => `Broadband down since 7am in ${v.town}. Any idea when it'll be back?`,
    social: (v) => `no internet in ${v.town} since this morning. Any update? Working from home and stuck.`,
    finding: (v) => `There's a fault on the network in the ${v.town} area affecting a few hundred homes, and our engineers are on site now.`,
    outcomes: [
      {
        resolved: true,
        disposition: 'Outage – updates given',
        action: s(`The current estimate is this afternoon. I've signed you up for text updates, and a credit for the time without service will be added automatically.`),
        summary: (v) => `Area outage in ${v.town}. Gave ETA, signed up for SMS updates; automatic service credit explained.`,
        weight: 5,
      },
      {
        resolved: true,
        disposition: 'Credit applied',
        action: (v) => `I've added a credit of ${v.credit} now, and I'm sending a 4G backup router so you can keep working until the fix.`,
        summary: (v) => `Area outage in ${v.town}; customer works from home. Credit ${v.credit}, 4G backup router dispatched.`,
        weight: 2,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`There isn't a fix time yet. I've linked you to the incident so you get every update, and I'll call you tomorrow if it isn't fixed.`),
        summary: (v) => `Area outage in ${v.town}, no ETA. Linked to incident; callback tomorrow if not restored.`,
        weight: 2,
      },
    ],
    note: (v) => `Linked to network incident ${v.ref}. Customer works from home; offered 4G backup router.`,
    update: s(`the fault in your area has been fixed. If you're still offline, switch your router off for 30 seconds and back on.`),
  },
  {
    topic: 'outage',
    weight: 2,
    mood: -0.4,
    subjects: ['No mobile signal', 'Phone says SOS only'],
    about: 'the loss of mobile signal',
    problem: s('My phone has had no signal for two days. It just says SOS only.'),
    detail: (v) => `It's the same on my partner's phone, so it isn't the handset. We're in ${v.town}.`,
    sms: (v) => `Still no mobile signal at home in ${v.town}. What's going on?`,
    social: (v) => `two days with no mobile signal in ${v.town}. Is a mast down?`,
    finding: (v) => `A mast near you in ${v.town} lost power in the storm, which is why the signal has gone.`,
    outcomes: [
      {
        resolved: true,
        disposition: 'Information given',
        action: s(`Engineers expect it back tomorrow. Meanwhile Wi-Fi Calling lets you make calls over your broadband, and I've switched it on for you.`),
        summary: (v) => `Mast down in ${v.town} after storm. ETA tomorrow. Wi-Fi Calling enabled.`,
        weight: 4,
      },
      {
        resolved: true,
        disposition: 'Credit applied',
        action: (v) => `I've credited ${v.credit} for the days without signal, and you'll get a text the moment the mast is back.`,
        summary: (v) => `Mast outage. Credited ${v.credit}; SMS alert on restoration set.`,
        weight: 2,
      },
    ],
    note: s('Mast outage confirmed on the network status page. Wi-Fi Calling enabled on the line.'),
    update: s('the mast near you is back up and signal should be normal again. If not, please restart your phone.'),
  },
  {
    topic: 'outage',
    weight: 1,
    mood: -0.35,
    subjects: ['TV not working', 'No TV channels – signal error'],
    about: 'your TV service',
    problem: s('The TV box says "no signal" on every channel and the recordings won\'t play either.'),
    detail: s(`We've been without it all weekend.`),
    sms: s('TV box says no signal on every channel. Is there a problem?'),
    social: s('TV has been down all weekend. Anyone else?'),
    finding: s('We had a fault on the TV platform overnight that affected some boxes. A reset should bring yours back, and we can do it together now.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Fault fixed remotely',
        action: s(`I've sent a reset to your box from here. You should see it restart in a minute or two.`),
        summary: s('TV platform fault. Remote reset sent, channels back while on the call.'),
        weight: 5,
      },
      {
        resolved: false,
        disposition: 'Engineer booked',
        action: (v) => `The reset hasn't fixed it, so I've booked an engineer for ${v.day}, ${v.slot}.`,
        summary: (v) => `TV box not recovering after remote reset. Engineer booked ${v.day} ${v.slot}.`,
        weight: 2,
      },
    ],
    note: s('Box firmware current. Remote reset sent at customer request.'),
    update: s('your TV service is fully restored. Recordings made before the fault are safe.'),
  },
  // ------------------------------------------------------------ technical
  {
    topic: 'technical',
    weight: 3,
    mood: -0.25,
    subjects: ['Slow broadband speeds', 'Getting a fraction of my speed', 'Wi-Fi keeps freezing'],
    about: 'your broadband speed',
    problem: (v) => `I'm paying for ${v.plan} but I'm only getting a fraction of that speed.`,
    detail: s('Speed tests show about 40 meg in the evenings, and video calls keep freezing.'),
    sms: s('Broadband really slow again tonight. Can someone check the line?'),
    social: (v) => `paying for ${v.plan} and getting nowhere near it in the evenings. Can you help?`,
    finding: s(`I've run a line test: the line itself is fine, but your router is on a very busy Wi-Fi channel and it's an older model.`),
    outcomes: [
      {
        resolved: true,
        disposition: 'Router replacement sent',
        action: (v) => `I'm sending you our latest router free of charge. It should arrive by ${v.day}.`,
        summary: (v) => `Slow Wi-Fi; line test clean, old router on congested channel. New router dispatched, due ${v.day}.`,
        weight: 4,
      },
      {
        resolved: true,
        disposition: 'Fault fixed remotely',
        action: s(`I've moved your router to a clearer channel and updated its software. Could you run a speed test now?`),
        summary: s('Wi-Fi congestion. Channel changed and router firmware updated remotely; speed test good while on the line.'),
        weight: 3,
      },
      {
        resolved: false,
        disposition: 'Engineer booked',
        action: (v) => `The line test shows a fault outside your home, so I've booked an engineer for ${v.day}, ${v.slot}.`,
        summary: (v) => `Line test shows external fault. Engineer booked ${v.day} ${v.slot}.`,
        weight: 2,
      },
    ],
    note: s('Line test: sync 520/75, no errors. Wi-Fi congestion on channel 6; router is an older model.'),
    update: (v) => `your new router is on its way and should arrive by ${v.day}. Plug it in where the old one was and it will set itself up.`,
  },
  {
    topic: 'technical',
    weight: 2,
    mood: -0.15,
    subjects: ["Can't log in to the app", 'Password reset email not arriving'],
    about: 'signing in to your account',
    problem: s("I can't log in to the app, and the password reset email never arrives."),
    detail: s(`I've checked my junk folder and tried three times.`),
    sms: s("Can't log in to the app and the reset email never comes. Help?"),
    social: s('password reset emails never arrive. Is the app broken?'),
    finding: s('Your account still has an old email address on it, which is why the reset emails went missing.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Resolved – details updated',
        action: s(`I've updated your email address and sent a new reset link. It should be with you now.`),
        summary: s('Old email on account. Updated after ID&V and resent reset link; customer logged in while on the line.'),
        weight: 5,
      },
    ],
    note: s('ID&V passed. Email address updated at the customer’s request.'),
    update: s('your account email has been updated and a new reset link is on its way.'),
  },
  {
    topic: 'technical',
    weight: 2,
    mood: -0.35,
    subjects: ['Broadband keeps dropping out', 'Connection drops every evening'],
    about: 'the connection dropping out',
    problem: s('My broadband keeps dropping out, five or six times an evening.'),
    detail: s('It comes back after a couple of minutes, but it ruins any video call.'),
    sms: s('Internet dropped 5 times tonight again. Can you check the line please?'),
    social: s('broadband dropping out every evening for a week now. Getting tired of it.'),
    finding: s('The line test shows the connection re-syncing several times a night, which points to a fault on the line rather than your equipment.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Engineer booked',
        action: (v) => `I've booked an engineer for ${v.day}, ${v.slot}. They'll text you 30 minutes before they arrive.`,
        summary: (v) => `Intermittent drops; line re-syncing. Engineer booked ${v.day} ${v.slot}.`,
        weight: 5,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I've passed the line test results to our network team to investigate, and I'll update you within 48 hours.`),
        summary: s('Intermittent drops. Escalated to network team with line test results; update due in 48h.'),
        weight: 2,
      },
    ],
    note: s('Line test: 7 re-syncs in 24h, low noise margin. Engineer appointment booked.'),
    update: (v) => `just confirming your engineer visit on ${v.day}, ${v.slot}. Someone will need to be at home.`,
  },
  // ------------------------------------------------------------ delivery
  {
    topic: 'delivery',
    weight: 3,
    mood: -0.3,
    subjects: ["Router hasn't arrived", 'Where is my delivery?', 'Parcel not delivered'],
    about: 'your delivery',
    problem: (v) => `My new ${v.product} was meant to arrive yesterday and it still hasn't come.`,
    detail: s("The tracking hasn't updated for three days."),
    sms: (v) => `Where's my ${v.product}? It was due yesterday. Order ${v.ref}`,
    social: (v) => `still waiting for my ${v.product}, tracking hasn't moved in 3 days. Any help?`,
    finding: s("The courier has it marked as delayed at their depot. It isn't lost, but it's stuck."),
    outcomes: [
      {
        resolved: true,
        disposition: 'Redelivery arranged',
        action: (v) => `I've chased the courier and it's booked for delivery on ${v.day}. If it doesn't arrive, I'll send a replacement straight away.`,
        summary: (v) => `${v.product} delayed at courier depot. Chased; delivery booked ${v.day}. Replacement if missed.`,
        weight: 4,
      },
      {
        resolved: true,
        disposition: 'Replacement sent',
        action: (v) => `Rather than wait, I've sent a replacement ${v.product} by next-day delivery.`,
        summary: (v) => `Parcel stuck at depot. Replacement ${v.product} sent next-day.`,
        weight: 2,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I've opened an investigation with the courier. They have 48 hours to respond, and I'll update you either way.`),
        summary: (v) => `Tracking stalled. Courier investigation opened (${v.ref}); update within 48h.`,
        weight: 2,
      },
    ],
    note: (v) => `Courier investigation opened, reference ${v.ref}.`,
    update: (v) => `your ${v.product} is out for delivery today. Tracking reference ${v.ref}.`,
  },
  {
    topic: 'delivery',
    weight: 2,
    mood: -0.5,
    subjects: ["Engineer didn't turn up", 'Missed installation appointment'],
    about: 'your installation',
    problem: s('I took the day off for the installation and the engineer never turned up.'),
    detail: s("Nobody called or texted to say they weren't coming."),
    sms: s('Engineer was meant to come today and nobody showed up. What happened?'),
    social: s('took a day off work for an install and nobody turned up. No call, no text.'),
    finding: s("The appointment was cancelled on our side that morning, and the text telling you didn't go out. I'm sorry, that shouldn't have happened."),
    outcomes: [
      {
        resolved: true,
        disposition: 'Engineer booked',
        action: (v) => `I've rebooked the first slot available, ${v.day}, ${v.slot}, and added compensation for the missed appointment.`,
        summary: (v) => `Missed install (cancelled by us, no notice). Rebooked ${v.day} ${v.slot}; missed-appointment compensation applied.`,
        weight: 5,
      },
      {
        resolved: false,
        disposition: 'Complaint logged',
        action: s(`I've logged a formal complaint, and our complaints team will be in touch within five working days.`),
        summary: s('Missed install, customer wants a formal complaint. Logged; response due within 5 working days.'),
        weight: 2,
      },
    ],
    note: s('Missed-appointment compensation applied automatically. Customer had taken annual leave.'),
    update: (v) => `your installation is confirmed for ${v.day}, ${v.slot}. The engineer will text 30 minutes before arriving.`,
  },
  {
    topic: 'delivery',
    weight: 1,
    mood: -0.2,
    subjects: ['Wrong item delivered', 'Received the wrong box'],
    about: 'the wrong item we sent',
    problem: (v) => `The parcel that came today is the wrong thing. I ordered a ${v.product} and got something else.`,
    detail: s('Do I have to post it back myself?'),
    sms: (v) => `Got the wrong item delivered, not my ${v.product}. What do I do with it?`,
    social: s('ordered one thing, received another. How do I swap it?'),
    finding: s('The order was picked incorrectly at our warehouse. No need to post anything back.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Replacement sent',
        action: (v) => `I've sent the right ${v.product} by next-day delivery, and the courier will collect the wrong one at the same time.`,
        summary: (v) => `Wrong item picked. Correct ${v.product} sent next-day; collection of wrong item arranged.`,
        weight: 5,
      },
    ],
    note: s('Warehouse picking error reported to logistics.'),
    update: (v) => `your ${v.product} is on its way, and the courier will collect the other parcel at the same time.`,
  },
  // ------------------------------------------------------------ cancellation
  {
    topic: 'cancellation',
    weight: 3,
    mood: -0.3,
    subjects: ['I want to cancel my contract', 'Cancellation request', 'Leaving for a cheaper deal'],
    about: 'your contract',
    problem: s(`I'd like to cancel. I've been offered the same speed elsewhere for much less.`),
    detail: (v) => `I'm paying ${v.money} a month and my contract is nearly up.`,
    sms: s('I want to cancel my broadband. What do I need to do?'),
    social: s('how do I cancel? Found a better deal elsewhere.'),
    finding: s(`Thanks for being upfront. You're nearly out of contract, so you're free to go, but before you decide there's a loyalty offer I can put on your account.`),
    outcomes: [
      {
        resolved: true,
        disposition: 'Retention offer accepted',
        action: (v) => `I can keep you on ${v.plan} for ${v.credit} a month less on a new 12-month term, with no change to your service.`,
        summary: (v) => `Customer intended to leave on price. Offered ${v.plan} at ${v.credit}/month off on 12 months. Accepted.`,
        weight: 5,
      },
      {
        resolved: true,
        disposition: 'Cancellation processed',
        action: s(`I've processed the cancellation. Your service ends in 30 days, and I'll email the final bill details today.`),
        summary: s('Customer leaving on price; declined loyalty offer. Cancellation processed, 30-day notice.'),
        weight: 2,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I've passed your details to a senior adviser who can look at a better offer. They'll call you tomorrow.`),
        summary: s('Competitor quote below our retention offers. Passed to senior adviser; callback tomorrow.'),
        weight: 2,
      },
    ],
    note: s('Competitor quote mentioned. Offer made within the standard retention band.'),
    update: s('your new 12-month deal is active, and your next bill will show the new price.'),
  },
  {
    topic: 'cancellation',
    weight: 2,
    mood: 0,
    subjects: ['Moving house: cancel or move my service?', 'Cancelling because of a house move'],
    about: 'your home move',
    problem: s(`I'm moving house next month, so I think I need to cancel.`),
    detail: (v) => `The new place is just outside ${v.town}.`,
    sms: s('Moving house next month. Do I need to cancel?'),
    social: s('moving house soon. Can I take my broadband with me?'),
    finding: s("Good news: we cover your new address, so you don't need to cancel. I can move your service with you."),
    outcomes: [
      {
        resolved: true,
        disposition: 'Home move booked',
        action: (v) => `I've booked the move for ${v.day}, so you'll be connected the day you arrive.`,
        summary: (v) => `Home move, new address covered. Move booked for ${v.day}; no cancellation.`,
        weight: 5,
      },
      {
        resolved: true,
        disposition: 'Cancellation processed',
        action: s(`Unfortunately we can't serve the new address yet, so I've cancelled with no exit fee.`),
        summary: s('Moving outside our network. Cancelled with exit fee waived.'),
        weight: 2,
      },
    ],
    note: s('New address checked: full fibre available. Home move order raised.'),
    update: (v) => `your home move is booked for ${v.day}. Your service will switch over automatically.`,
  },
  {
    topic: 'cancellation',
    weight: 2,
    mood: -0.6,
    subjects: ['Cancelling after repeated faults', "Had enough – I'd like to leave"],
    about: 'the faults on your line',
    problem: s(`I've had three faults in two months and I've had enough. I want to leave.`),
    detail: s("I shouldn't have to pay an exit fee when the service hasn't worked."),
    sms: s("Third fault in two months. I want to cancel and I'm not paying an exit fee."),
    social: s('third broadband fault in two months. Time to leave, I think.'),
    finding: s(`You're right that it's been poor: there have been three faults logged since spring. Given that, we can waive the exit fee if you still want to go.`),
    outcomes: [
      {
        resolved: true,
        disposition: 'Retention offer accepted',
        action: (v) => `Let me get a senior engineer to fix the line properly, and I'll credit ${v.credit} for the trouble. If it fails again, you can leave with no exit fee.`,
        summary: (v) => `Repeated faults. Senior engineer visit, ${v.credit} credit, penalty-free exit if it recurs. Customer agreed to stay.`,
        weight: 3,
      },
      {
        resolved: true,
        disposition: 'Cancellation processed',
        action: s(`I've waived the exit fee and processed the cancellation.`),
        summary: s('Repeated faults. Exit fee waived, cancellation processed.'),
        weight: 3,
      },
      {
        resolved: false,
        disposition: 'Escalated',
        action: s(`I've escalated the faults to our network manager, and they'll call you within 24 hours before anything is cancelled.`),
        summary: s('Repeated faults, customer wants to leave. Escalated to network manager; callback within 24h.'),
        weight: 2,
      },
    ],
    note: s('Three faults in 60 days. Exit fee waiver approved by supervisor.'),
    update: s('a senior engineer has replaced the faulty section of your line, and your credit has been applied.'),
  },
  // ------------------------------------------------------------ general
  {
    topic: 'general',
    weight: 3,
    mood: 0.25,
    subjects: ['Upgrade options', 'Can I get faster broadband?', 'Adding a mobile line'],
    about: 'your upgrade',
    problem: s(`I'm looking to upgrade. What's the fastest package you can do at my address?`),
    detail: (v) => `I'm on ${v.plan} at the moment.`,
    sms: s('Hi, can I upgrade my broadband? What are the options?'),
    social: s('is full fibre available on my street yet? Keen to upgrade.'),
    finding: s('Full fibre is available at your address now, at up to 900 Mb.'),
    outcomes: [
      {
        resolved: true,
        disposition: 'Upgrade processed',
        action: (v) => `I've upgraded you from ${v.day}. Nothing changes on your side apart from plugging in the new router.`,
        summary: (v) => `Upgrade from ${v.plan} to Full Fibre 900. Live ${v.day}; new router dispatched.`,
        weight: 4,
      },
      {
        resolved: true,
        disposition: 'Information given',
        action: s(`I've emailed you the options with prices so you can have a think.`),
        summary: s('Upgrade enquiry. Options and prices emailed; customer to decide.'),
        weight: 3,
      },
    ],
    note: s('Address check: full fibre live. Customer eligible for upgrade without a new term.'),
    update: s('your upgrade is confirmed. The new router will arrive a couple of days before it goes live.'),
  },
  {
    topic: 'general',
    weight: 2,
    mood: 0.15,
    subjects: ['Add my partner to the account', 'Update my details', 'Change of name on account'],
    about: 'the changes to your account',
    problem: s(`I'd like to add my partner to the account so they can call about it too.`),
    detail: s('They keep getting told they are not the account holder.'),
    sms: s('How do I add my partner to my account?'),
    social: s('how do I add someone to my account so they can call you?'),
    finding: s("I can do that. I'll just need their name and date of birth, and your permission."),
    outcomes: [
      {
        resolved: true,
        disposition: 'Resolved – details updated',
        action: s(`Done: they're now an authorised contact on the account.`),
        summary: s('Authorised contact added with account holder’s permission.'),
        weight: 5,
      },
    ],
    note: s('Authorised contact added; account holder consent recorded on the call.'),
    update: s('your partner has been added as an authorised contact.'),
  },
  {
    topic: 'general',
    weight: 1,
    mood: 0.75,
    subjects: ['Thank you', 'Great service from the engineer'],
    about: 'your feedback',
    problem: (v) => `I just wanted to say thank you: the engineer who came out on ${v.day} was brilliant.`,
    detail: s('Really polite, tidied up after themselves and explained everything.'),
    sms: s('Just wanted to say the engineer today was great. Thanks!'),
    social: s('shout-out to the engineer who fixed our broadband today. Quick, friendly and tidy. Thank you!'),
    finding: s("That's lovely to hear, and I'll make sure it reaches the engineer and their manager."),
    outcomes: [
      {
        resolved: true,
        disposition: 'Compliment logged',
        action: s(`I've logged it as a compliment so it goes on their record.`),
        summary: s('Compliment for engineer visit. Logged and passed to field manager.'),
        weight: 5,
      },
    ],
    note: s('Compliment forwarded to field operations manager.'),
    update: s('your kind words have been passed to the engineer and their manager. Thank you for taking the time.'),
  },
  {
    topic: 'general',
    weight: 2,
    mood: 0.1,
    subjects: ['When does my contract end?', 'Copy of my contract', 'Question about my account'],
    about: 'your contract',
    problem: s(`Can you tell me when my contract ends? I can't find it anywhere.`),
    detail: s(`I'd also like a copy of what I signed up to.`),
    sms: s('When does my contract end?'),
    social: s('where do I find my contract end date in the app?'),
    finding: (v) => `Your contract runs until ${v.contractEnds}.`,
    outcomes: [
      {
        resolved: true,
        disposition: 'Information given',
        action: s(`I've also emailed you a copy of your contract summary, and it's under Account › Documents in the app.`),
        summary: (v) => `Contract end date given (${v.contractEnds}). Contract summary emailed.`,
        weight: 5,
      },
    ],
    note: s('Contract summary re-sent to the email on file.'),
    update: (v) => `as promised, your contract summary is attached. Your contract runs until ${v.contractEnds}.`,
  },
];

const scenarioTable = (topic: DemoTopic): Weighted<Scenario> =>
  new Weighted(SCENARIOS.filter((x) => x.topic === topic).map((x) => [x, x.weight] as const));

/** Scenarios of each topic, picked by weight. */
export const SCENARIOS_BY_TOPIC: Record<DemoTopic, Weighted<Scenario>> = {
  billing: scenarioTable('billing'),
  outage: scenarioTable('outage'),
  delivery: scenarioTable('delivery'),
  cancellation: scenarioTable('cancellation'),
  general: scenarioTable('general'),
  technical: scenarioTable('technical'),
};

/** What the phone menu option was called, for calls still waiting. */
export const IVR_OPTIONS: Record<DemoTopic, string> = {
  billing: 'Bills and payments',
  outage: 'Report a fault or outage',
  delivery: 'Deliveries and installations',
  cancellation: 'Leaving or changing your contract',
  general: 'Anything else',
  technical: 'Technical help',
};

// ------------------------------------------------------------------ tone

export type Tone = 'negative' | 'neutral' | 'positive';

export function toneOf(sentiment: number): Tone {
  if (sentiment <= -0.3) return 'negative';
  if (sentiment >= 0.3) return 'positive';
  return 'neutral';
}

const OPENERS: Record<Tone, readonly string[]> = {
  negative: [
    "I'm really fed up, to be honest.",
    "I'm not happy at all.",
    "I've already spent ages on this and I'm losing patience.",
    'This has been going on far too long.',
  ],
  neutral: ['', '', 'Hopefully this is a quick one.', ''],
  positive: ['', 'Hopefully a quick one.', ''],
};

const REPEAT_OPENERS: readonly string[] = [
  "I've already been in touch about this and nothing has changed.",
  'I was promised a call back and never got one.',
  "I'm chasing this again because I've heard nothing.",
  "I spoke to someone about this a few days ago and it's still not sorted.",
];

const AGENT_EMPATHY: Record<Tone, readonly string[]> = {
  negative: [
    "I'm sorry, that's really frustrating, and I'd feel the same.",
    "I'm sorry you've had to deal with this. Let's get it sorted now.",
    "That's not the experience you should be having. I'm sorry.",
  ],
  neutral: ['Thanks for explaining that.', 'Thanks, let me take a look.', 'Of course, let me check that for you.'],
  positive: ['Happy to help with that.', 'Of course.', 'Thanks for getting in touch.'],
};

const REACTIONS: Record<Tone, readonly string[]> = {
  negative: [
    "Fine. I just want it sorted this time.",
    "That's not really good enough, but okay.",
    "Okay. I'll believe it when I see it.",
    'Right. Please make sure someone actually follows up.',
  ],
  neutral: ['Okay, that makes sense.', 'Right, thanks.', "Okay, that's fine.", 'Fair enough.'],
  positive: ["Brilliant, thank you so much.", "That's great, thanks for sorting it.", 'Perfect, that really helps.', 'Lovely, thank you.'],
};

const GREETINGS: readonly ((v: Voice) => string)[] = [
  (v) => `Agent: Thanks for calling ${v.company}, you're speaking with ${v.agent}. Can I take your name, please?\nCustomer: Hi, it's ${v.full}.\nAgent: Thanks, ${v.first}. I've got your account up. How can I help today?`,
  (v) => `Agent: Good to speak to you, this is ${v.agent} at ${v.company}. Who am I speaking with?\nCustomer: ${v.full}.\nAgent: Thanks, ${v.first}. What can I do for you?`,
  (v) => `Agent: Hello, ${v.company}, ${v.agent} speaking. Could I have your name and account number?\nCustomer: Yes, it's ${v.full}, account ${v.account}.\nAgent: Thank you, ${v.first}. How can I help?`,
];

const CALL_CLOSES: Record<Tone, readonly ((v: Voice) => string)[]> = {
  negative: [(v) => `Agent: I've put a note on your account so anyone you speak to can see this. Is there anything else I can help with, ${v.first}?\nCustomer: No.`],
  neutral: [(v) => `Agent: Is there anything else I can help with today?\nCustomer: No, that's everything. Thanks, ${v.agent}.`],
  positive: [(v) => `Agent: Anything else I can help with today?\nCustomer: No, that's all. Thanks, ${v.agent}, you've been really helpful.`],
};

const SALUTATIONS: Record<Tone, readonly ((v: Voice) => string)[]> = {
  negative: [() => 'To whom it may concern,', (v) => `Dear ${v.company},`, () => 'Hello,'],
  neutral: [() => 'Hello,', () => 'Hi there,', (v) => `Dear ${v.company} team,`],
  positive: [() => 'Hi there,', () => 'Hello,', (v) => `Hi ${v.company} team,`],
};

const SIGNOFFS: Record<Tone, readonly string[]> = {
  negative: ['Regards', 'I expect a reply', 'Regards'],
  neutral: ['Kind regards', 'Thanks', 'Best wishes'],
  positive: ['Many thanks', 'Best wishes', 'All the best'],
};

const EMAIL_ASKS: Record<Tone, readonly string[]> = {
  negative: ['Please sort this out and let me know what you are going to do.', 'I would like a proper answer this time, please.'],
  neutral: ['Could you look into this and let me know?', 'Can you help, please?'],
  positive: ["I'd appreciate your help with this.", 'Could you let me know when you get a chance?'],
};

/** How a customer opens a second or later contact about the same case. */
function repeatOpener(rng: Rng, scenario: Scenario): string {
  return scenario.mood >= 0.2 ? 'Following up on my earlier message.' : rng.pick(REPEAT_OPENERS);
}

function join(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    out = out ? `${out} ${part}` : part;
  }
  return out;
}

export interface RenderInput {
  scenario: Scenario;
  outcome: Outcome | null;
  voice: Voice;
  tone: Tone;
  /** Not the first contact about this case. */
  repeat: boolean;
}

/** A call: a short transcript with Agent:/Customer: lines. */
export function renderCall(rng: Rng, { scenario, outcome, voice, tone, repeat }: RenderInput): string {
  const opener = repeat ? repeatOpener(rng, scenario) : rng.pick(OPENERS[tone]);
  const lines = [
    rng.pick(GREETINGS)(voice),
    `Customer: ${join(opener, scenario.problem(voice), scenario.detail(voice))}`,
    `Agent: ${rng.pick(AGENT_EMPATHY[tone])} ${scenario.finding(voice)}`,
  ];
  if (outcome) {
    lines.push(`Agent: ${outcome.action(voice)}`, `Customer: ${rng.pick(REACTIONS[tone])}`, rng.pick(CALL_CLOSES[tone])(voice));
  }
  return lines.join('\n');
}

/** An inbound email from the customer. */
export function renderEmail(rng: Rng, { scenario, voice, tone, repeat }: RenderInput): string {
  const opener = repeat ? repeatOpener(rng, scenario) : rng.pick(OPENERS[tone]);
  const signature = rng.chance(0.5) ? `${voice.full}\nAccount ${voice.account}` : voice.full;
  // Compliments ask for nothing.
  const ask = scenario.mood >= 0.5 ? '' : `${rng.pick(EMAIL_ASKS[tone])}\n\n`;
  return `${rng.pick(SALUTATIONS[tone])(voice)}\n\n${join(opener, scenario.problem(voice), scenario.detail(voice))}\n\n${ask}${rng.pick(SIGNOFFS[tone])},\n${signature}`;
}

/** A web chat transcript: short lines. */
export function renderChat(rng: Rng, { scenario, outcome, voice, tone, repeat }: RenderInput): string {
  const first = `Customer: Hi. ${join(repeat ? repeatOpener(rng, scenario) : '', scenario.problem(voice))}`;
  if (!outcome) return first;
  return [
    first,
    `Agent: Hi ${voice.first}, I'm ${voice.agent}. ${rng.pick(AGENT_EMPATHY[tone])}`,
    `Agent: ${scenario.finding(voice)}`,
    `Agent: ${outcome.action(voice)}`,
    `Customer: ${rng.pick(REACTIONS[tone])}`,
  ].join('\n');
}

export function renderSms(rng: Rng, { scenario, voice, tone, repeat }: RenderInput): string {
  const text = scenario.sms(voice);
  if (repeat && scenario.mood < 0.2) return `${text} Second time asking.`;
  if (tone === 'negative' && rng.chance(0.4)) return `${text} Getting fed up now.`;
  return text;
}

export function renderSocial(_rng: Rng, { scenario, voice }: RenderInput): string {
  return `${voice.handle} ${scenario.social(voice)}`;
}

/** The queue's record of a call that has not been answered yet. */
export function renderWaitingCall(topic: DemoTopic, repeat: boolean): string {
  const base = `In queue. Caller chose "${IVR_OPTIONS[topic]}" in the phone menu and confirmed their account number.`;
  return repeat ? `${base} Caller said they have been in touch about this before.` : base;
}

/** An agent's outbound call back to the customer. */
export function renderOutboundCall(rng: Rng, scenario: Scenario, voice: Voice, tone: Tone): string {
  return [
    `Agent: Hi ${voice.first}, it's ${voice.agent} from ${voice.company}. I said I'd call you back about ${scenario.about}.`,
    `Customer: Oh, hi. Yes, thanks for calling.`,
    `Agent: So, ${scenario.update(voice)}`,
    `Customer: ${rng.pick(REACTIONS[tone])}`,
    `Agent: Great. You've got my name if you need anything else. Bye for now.`,
  ].join('\n');
}

export function renderOutboundEmail(scenario: Scenario, voice: Voice): string {
  return `Hello ${voice.first},\n\nI'm following up on ${scenario.about}: ${scenario.update(voice)}\n\nIf you've any questions, just reply to this email.\n\nKind regards,\n${voice.agent}\n${voice.company} Customer Care`;
}

export function renderOutboundSms(scenario: Scenario, voice: Voice): string {
  return `${voice.company}: Hi ${voice.first}, ${scenario.update(voice)}`;
}

// ------------------------------------------------------------------ notes

const GENERAL_NOTES: readonly ((v: Voice) => string)[] = [
  () => 'Customer prefers a call after 5pm on weekdays.',
  () => 'ID&V passed with security questions; customer had forgotten their PIN, so PIN reset sent.',
  (v) => `${v.first} asked us to use email rather than calls for updates where possible.`,
  () => 'Hard of hearing: please speak clearly and confirm details in writing afterwards.',
  () => 'Spoke to the authorised contact on the account, with consent on file.',
  () => 'Goodwill credit approved by supervisor (Sam).',
];

export function renderNote(rng: Rng, scenario: Scenario, voice: Voice): string {
  return rng.chance(0.75) ? scenario.note(voice) : rng.pick(GENERAL_NOTES)(voice);
}

// ------------------------------------------------------------------ surveys

const SURVEY_COMMENTS: Record<1 | 2 | 3 | 4 | 5, readonly ((agent: string) => string)[]> = {
  5: [
    (a) => `${a} was brilliant: sorted it in one call.`,
    () => 'Quick, friendly and clear. Thank you.',
    (a) => `Really helpful. ${a} explained everything without rushing me.`,
    () => 'Best customer service call I have had in years.',
    (a) => `${a} did exactly what they said they would.`,
  ],
  4: [
    () => 'Good service, just a bit of a wait to get through.',
    () => 'Helpful, got there in the end.',
    (a) => `${a} was polite and helpful.`,
  ],
  3: ['Fine, but I had to explain it twice.', 'Okay. Still waiting to see if it is actually fixed.', 'Wait was too long.'].map(
    (t) => () => t,
  ),
  2: [
    'I had to chase this more than once.',
    'The agent was nice but the problem is not solved.',
    'Nobody told me about the price rise until the bill arrived.',
  ].map((t) => () => t),
  1: [
    'Third time contacting you about the same thing. Still not fixed.',
    'Waited 40 minutes and then got cut off.',
    'Promised a call back that never came.',
    'Thinking of leaving after this.',
  ].map((t) => () => t),
};

export function surveyComment(rng: Rng, csat: number, agent: string): string {
  const key = Math.min(5, Math.max(1, Math.round(csat))) as 1 | 2 | 3 | 4 | 5;
  return rng.pick(SURVEY_COMMENTS[key])(agent);
}

// ------------------------------------------------------------------ follow-ups

export const FOLLOW_UP_REASONS: Record<DemoTopic, readonly string[]> = {
  billing: [
    'Get back to the customer once the billing team has reviewed the disputed charge.',
    'Check the credit has appeared on the next bill.',
    'Confirm the refund has reached the customer’s bank.',
  ],
  outage: ['Check the connection has stayed stable since the fault was fixed.', 'Get back to the customer if the outage is not fixed by tomorrow.'],
  technical: ['Check speeds after the new router is plugged in.', 'Confirm the engineer visit fixed the dropouts.'],
  delivery: ['Confirm the replacement has arrived.', 'Check the rebooked installation went ahead.'],
  cancellation: ['Senior adviser to discuss a better offer.', 'Check the customer is happy on the new deal after the first bill.'],
  general: ['Check whether the customer wants to go ahead with the upgrade.', 'Make sure the customer has the contract summary they asked for.'],
};

export const RECOVERY_REASONS: readonly string[] = [
  'Customer was unhappy with how this was handled. Get in touch to put things right.',
  'Low satisfaction score after the last contact. Find out what went wrong.',
  'Repeat contacts about the same problem. Own it through to the end.',
];

export const FOLLOW_UP_NOTES_DONE: Record<FollowUpOutcome, readonly string[]> = {
  reached: ['Spoke to the customer: all working now, happy to close.', 'Customer confirmed the credit is on the bill.'],
  resolved: ['Sorted. Customer thanked us for calling back.', 'Confirmed fixed; nothing else outstanding.'],
  'no-answer': ['No answer after two tries.', 'No answer; number rang out.'],
  'left-message': ['No answer; left a voicemail with the direct number.', 'Left a message asking the customer to reply to our text.'],
  'needs-another': ['Customer still has an issue; booked another follow-up.', 'Not fixed yet; agreed to check again next week.'],
};

export const FOLLOW_UP_CANCEL_REASONS: readonly string[] = [
  'Customer called in and another agent resolved it.',
  'Customer asked not to be contacted again about this.',
  'Duplicate of another follow-up.',
  'Account closed.',
];
